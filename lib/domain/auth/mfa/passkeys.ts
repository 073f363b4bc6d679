import {
  generateAuthenticationOptions,
  generateRegistrationOptions,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
  type AuthenticationResponseJSON,
  type AuthenticatorTransportFuture,
  type PublicKeyCredentialCreationOptionsJSON,
  type PublicKeyCredentialRequestOptionsJSON,
  type RegistrationResponseJSON,
} from "@simplewebauthn/server";
import { decodeClientDataJSON, isoBase64URL } from "@simplewebauthn/server/helpers";
import { and, asc, count, eq, gt, isNull } from "drizzle-orm";
import { authSessions, webauthnCredentials } from "@/drizzle/schema";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import type { PasskeyPurpose } from "@/lib/app/validation/passkeys";
import { markSecondFactor } from "./second-factor";

/** Who we are to the authenticator: its credentials are bound to `id` and only answer `origin`. */
export interface RelyingParty {
  id: string;
  origin: string;
  name: string;
}

export function relyingPartyFor(appUrl: string): RelyingParty {
  const url = new URL(appUrl);
  return { id: url.hostname, origin: url.origin, name: "Payments Ops" };
}

/** The session doing the ceremony (the pending one at sign-in, the full one at a step-up). */
export interface PasskeySession {
  userId: string;
  sessionId: string;
}

export interface PasskeySummary {
  id: string;
  name: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  deviceType: string | null;
  backedUp: boolean;
}

export const PASSKEY_CHALLENGE_TTL_MS = 5 * 60_000;
export const MAX_PASSKEYS_PER_USER = 10;

type Ceremony = "register" | "authenticate";
type FailureReason = "challenge" | "invalid" | "unknown_credential" | "counter_regressed" | "duplicate";

const failureMessages: Record<FailureReason, string> = {
  challenge: "This passkey request has expired or was already used, so start again.",
  invalid: "Your passkey's answer could not be verified, so nothing was changed.",
  unknown_credential: "That passkey is not registered to your account.",
  counter_regressed: "That passkey was refused because it looks copied; remove it and add it again.",
  duplicate: "That passkey is already registered.",
};

const summaryColumns = {
  id: webauthnCredentials.id,
  name: webauthnCredentials.name,
  createdAt: webauthnCredentials.createdAt,
  lastUsedAt: webauthnCredentials.lastUsedAt,
  deviceType: webauthnCredentials.deviceType,
  backedUp: webauthnCredentials.backedUp,
};

export async function listPasskeys(db: Database, userId: string): Promise<PasskeySummary[]> {
  return db
    .select(summaryColumns)
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId))
    .orderBy(asc(webauthnCredentials.createdAt));
}

const knownTransports = (list: string[] | null): AuthenticatorTransportFuture[] | undefined =>
  list?.filter((t): t is AuthenticatorTransportFuture =>
    ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"].includes(t),
  );

async function credentialsOf(db: Database, userId: string) {
  const rows = await db
    .select({ id: webauthnCredentials.id, transports: webauthnCredentials.transports })
    .from(webauthnCredentials)
    .where(eq(webauthnCredentials.userId, userId));
  return rows.map((row) => ({ id: row.id, transports: knownTransports(row.transports) }));
}

/** Stored with its ceremony, so a registration challenge can never answer an authentication. */
async function storeChallenge(
  db: Database,
  sessionId: string,
  ceremony: Ceremony,
  challenge: string,
  now: Date,
): Promise<void> {
  const stored = await db
    .update(authSessions)
    .set({ webauthnChallenge: `${ceremony}:${challenge}`, webauthnChallengeAt: now })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  if (stored.length === 0) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
}

function claimedChallenge(clientDataJSON: string): string | null {
  try {
    const { challenge } = decodeClientDataJSON(clientDataJSON);
    return typeof challenge === "string" && challenge.length > 0 ? challenge : null;
  } catch {
    return null;
  }
}

/**
 * Spends the session's challenge. The match and the clearing are one UPDATE, so of two requests
 * carrying the same answer only one finds it; any attempt clears whatever was issued, so a
 * challenge answers at most one ceremony, right or wrong.
 */
async function consumeChallenge(
  db: Database,
  sessionId: string,
  ceremony: Ceremony,
  clientDataJSON: string,
  now: Date,
): Promise<string | null> {
  const challenge = claimedChallenge(clientDataJSON);
  const cleared = { webauthnChallenge: null, webauthnChallengeAt: null };
  if (challenge) {
    const spent = await db
      .update(authSessions)
      .set(cleared)
      .where(
        and(
          eq(authSessions.id, sessionId),
          isNull(authSessions.revokedAt),
          eq(authSessions.webauthnChallenge, `${ceremony}:${challenge}`),
          gt(authSessions.webauthnChallengeAt, new Date(now.getTime() - PASSKEY_CHALLENGE_TTL_MS)),
        ),
      )
      .returning({ id: authSessions.id });
    if (spent.length === 1) return challenge;
  }
  await db.update(authSessions).set(cleared).where(eq(authSessions.id, sessionId));
  return null;
}

async function refuse(
  db: Database,
  actor: AuditActor,
  session: PasskeySession,
  ceremony: Ceremony,
  reason: FailureReason,
  details: Record<string, unknown> = {},
): Promise<never> {
  await recordAudit(db, actor, {
    action: "auth.passkey_failed",
    targetType: "user",
    targetId: session.userId,
    after: { ceremony, reason, ...details },
  });
  throw new AppError(reason === "duplicate" ? "CONFLICT" : "VALIDATION_FAILED", failureMessages[reason]);
}

export async function startPasskeyRegistration(
  db: Database,
  rp: RelyingParty,
  user: PasskeySession & { email: string; name: string },
  now: Date,
): Promise<PublicKeyCredentialCreationOptionsJSON> {
  const existing = await credentialsOf(db, user.userId);
  if (existing.length >= MAX_PASSKEYS_PER_USER) {
    throw new AppError(
      "CONFLICT",
      `You already have ${MAX_PASSKEYS_PER_USER} passkeys; remove one before adding another.`,
    );
  }
  const options = await generateRegistrationOptions({
    rpName: rp.name,
    rpID: rp.id,
    userName: user.email,
    userDisplayName: user.name,
    userID: new TextEncoder().encode(user.userId),
    attestationType: "none",
    excludeCredentials: existing,
    authenticatorSelection: { residentKey: "preferred", userVerification: "preferred" },
    timeout: PASSKEY_CHALLENGE_TTL_MS,
  });
  await storeChallenge(db, user.sessionId, "register", options.challenge, now);
  return options;
}

/** Verifies the new credential against the session's challenge, then stores it and audits it in one transaction. */
export async function finishPasskeyRegistration(
  db: Database,
  rp: RelyingParty,
  actor: AuditActor,
  session: PasskeySession,
  input: { name: string; response: RegistrationResponseJSON },
  now: Date,
): Promise<PasskeySummary> {
  const challenge = await consumeChallenge(
    db,
    session.sessionId,
    "register",
    input.response.response.clientDataJSON,
    now,
  );
  if (!challenge) return refuse(db, actor, session, "register", "challenge");
  let verification: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verification = await verifyRegistrationResponse({
      response: input.response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
    });
  } catch (error) {
    return refuse(db, actor, session, "register", "invalid", {
      detail: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
  }
  if (!verification.verified) return refuse(db, actor, session, "register", "invalid");
  const { credential, credentialDeviceType, credentialBackedUp } = verification.registrationInfo;

  const saved = await db.transaction(async (tx) => {
    const [{ total } = { total: 0 }] = await tx
      .select({ total: count() })
      .from(webauthnCredentials)
      .where(eq(webauthnCredentials.userId, session.userId));
    if (total >= MAX_PASSKEYS_PER_USER) {
      throw new AppError(
        "CONFLICT",
        `You already have ${MAX_PASSKEYS_PER_USER} passkeys; remove one before adding another.`,
      );
    }
    const [row] = await tx
      .insert(webauthnCredentials)
      .values({
        id: credential.id,
        userId: session.userId,
        publicKey: isoBase64URL.fromBuffer(credential.publicKey),
        counter: credential.counter,
        transports: credential.transports ?? null,
        deviceType: credentialDeviceType,
        backedUp: credentialBackedUp,
        name: input.name,
        createdAt: now,
      })
      .onConflictDoNothing()
      .returning(summaryColumns);
    if (!row) return null;
    // A full session without a second factor belongs to a user who had none until now (else it
    // would be pending): the passkey just verified counts for it, or the next request would find
    // the session pending. A session that already has one keeps its time (no step-up by enrolling).
    await tx
      .update(authSessions)
      .set({ secondFactorAt: now, secondFactorMethod: "passkey" })
      .where(and(eq(authSessions.id, session.sessionId), isNull(authSessions.secondFactorAt)));
    await recordAudit(tx, actor, {
      action: "auth.passkey_registered",
      targetType: "passkey",
      targetId: row.id,
      after: { name: row.name, deviceType: row.deviceType, backedUp: row.backedUp },
    });
    return row;
  });
  return saved ?? refuse(db, actor, session, "register", "duplicate");
}

export async function startPasskeyAuthentication(
  db: Database,
  rp: RelyingParty,
  session: PasskeySession,
  now: Date,
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  const allowCredentials = await credentialsOf(db, session.userId);
  if (allowCredentials.length === 0)
    throw new AppError("NOT_FOUND", "You have no passkey yet; add one on your Account page first.");
  const options = await generateAuthenticationOptions({
    rpID: rp.id,
    allowCredentials,
    userVerification: "preferred",
    timeout: PASSKEY_CHALLENGE_TTL_MS,
  });
  await storeChallenge(db, session.sessionId, "authenticate", options.challenge, now);
  return options;
}

/**
 * A sign count that does not go up, when either side has started counting, means two
 * authenticators hold the same key (WebAuthn §6.1.1): refuse it as a clone.
 */
export const counterRegressed = (stored: number, reported: number): boolean =>
  (stored > 0 || reported > 0) && reported <= stored;

/**
 * Verifies a passkey assertion for the session's own user: the challenge is spent first (one use),
 * the credential must be one of the user's, the signature must verify for our origin and RP id,
 * and the sign count must advance. On success the counter, lastUsedAt, the session's second
 * factor and the audit row are written in one transaction.
 */
export async function finishPasskeyAuthentication(
  db: Database,
  rp: RelyingParty,
  actor: AuditActor,
  session: PasskeySession,
  input: { purpose: PasskeyPurpose; response: AuthenticationResponseJSON },
  now: Date,
): Promise<{ verifiedAt: Date; passkeyName: string }> {
  const { purpose, response } = input;
  const challenge = await consumeChallenge(
    db,
    session.sessionId,
    "authenticate",
    response.response.clientDataJSON,
    now,
  );
  if (!challenge) return refuse(db, actor, session, "authenticate", "challenge", { purpose });
  const [stored] = await db
    .select()
    .from(webauthnCredentials)
    .where(and(eq(webauthnCredentials.id, response.id), eq(webauthnCredentials.userId, session.userId)));
  if (!stored)
    return refuse(db, actor, session, "authenticate", "unknown_credential", {
      purpose,
      credentialId: response.id.slice(0, 100),
    });

  let verification: Awaited<ReturnType<typeof verifyAuthenticationResponse>>;
  try {
    verification = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge,
      expectedOrigin: rp.origin,
      expectedRPID: rp.id,
      requireUserVerification: false,
      // The library would refuse a stale count before checking the signature; we check it
      // after (counterRegressed), so a refused clone is one that really signed, and is audited.
      credential: {
        id: stored.id,
        publicKey: isoBase64URL.toBuffer(stored.publicKey),
        counter: 0,
        transports: knownTransports(stored.transports),
      },
    });
  } catch (error) {
    return refuse(db, actor, session, "authenticate", "invalid", {
      purpose,
      credentialId: stored.id,
      detail: error instanceof Error ? error.message.slice(0, 200) : "unknown",
    });
  }
  if (!verification.verified)
    return refuse(db, actor, session, "authenticate", "invalid", { purpose, credentialId: stored.id });
  const { newCounter, credentialDeviceType, credentialBackedUp } = verification.authenticationInfo;
  if (counterRegressed(stored.counter, newCounter)) {
    return refuse(db, actor, session, "authenticate", "counter_regressed", {
      purpose,
      credentialId: stored.id,
      storedCounter: stored.counter,
      reportedCounter: newCounter,
    });
  }

  const advanced = await db.transaction(async (tx) => {
    // Guarded on the counter we checked: a concurrent use of the same count loses here.
    const updated = await tx
      .update(webauthnCredentials)
      .set({ counter: newCounter, lastUsedAt: now, deviceType: credentialDeviceType, backedUp: credentialBackedUp })
      .where(and(eq(webauthnCredentials.id, stored.id), eq(webauthnCredentials.counter, stored.counter)))
      .returning({ id: webauthnCredentials.id });
    if (updated.length === 0) return false;
    await markSecondFactor(tx, session.sessionId, "passkey", now);
    await recordAudit(tx, actor, {
      action: "auth.passkey_verified",
      targetType: "passkey",
      targetId: stored.id,
      after: { purpose, name: stored.name, counter: newCounter },
    });
    return true;
  });
  if (!advanced) {
    return refuse(db, actor, session, "authenticate", "counter_regressed", {
      purpose,
      credentialId: stored.id,
      storedCounter: stored.counter,
      reportedCounter: newCounter,
    });
  }
  return { verifiedAt: now, passkeyName: stored.name };
}

/** Removes one of the user's own passkeys (another user's id is simply not found). */
export async function removePasskey(
  db: Database,
  actor: AuditActor,
  userId: string,
  credentialId: string,
): Promise<{ name: string }> {
  return db.transaction(async (tx) => {
    const [removed] = await tx
      .delete(webauthnCredentials)
      .where(and(eq(webauthnCredentials.id, credentialId), eq(webauthnCredentials.userId, userId)))
      .returning({ id: webauthnCredentials.id, name: webauthnCredentials.name });
    if (!removed)
      throw new AppError("NOT_FOUND", "That passkey is not on your account; it may have been removed already.");
    await recordAudit(tx, actor, {
      action: "auth.passkey_removed",
      targetType: "passkey",
      targetId: removed.id,
      before: { name: removed.name },
    });
    return { name: removed.name };
  });
}
