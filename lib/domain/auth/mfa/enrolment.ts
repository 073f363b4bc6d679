import { createHmac, hkdfSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { totpFactors } from "@/drizzle/schema";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database, DbOrTx } from "@/lib/platform/db/types";
import { authSecret } from "@/lib/platform/env";
import { issueRecoveryCodes, unusedRecoveryCodeCount } from "./recovery-codes";
import { markSecondFactor } from "./second-factor";
import { checkTotp, storeUnconfirmedTotp } from "./totp";

const BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

function base32(bytes: Buffer): string {
  let bits = 0;
  let value = 0;
  let out = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return bits > 0 ? out + BASE32[(value << (5 - bits)) & 31] : out;
}

/** What changes when the user's factor changes, so a replaced secret is never offered again. */
async function factorStamp(db: DbOrTx, userId: string): Promise<string> {
  const [row] = await db
    .select({ createdAt: totpFactors.createdAt })
    .from(totpFactors)
    .where(eq(totpFactors.userId, userId))
    .limit(1);
  return row ? row.createdAt.toISOString() : "none";
}

/**
 * The authenticator secret offered to this session: 160 bits derived (HMAC-SHA256 under a key
 * from AUTH_SECRET) from the session id and the user's current factor, so the page shows the
 * same secret on every render and after a wrong code, without storing it anywhere before it is
 * confirmed, and no other session (nor anyone without the server's secret) can know it.
 */
export async function enrolmentSecretFor(
  db: DbOrTx,
  session: { sessionId: string; userId: string },
  secret = authSecret(),
): Promise<string> {
  const key = Buffer.from(hkdfSync("sha256", secret, "payments-ops", "totp-enrolment", 32));
  const mac = createHmac("sha256", key)
    .update(`${session.sessionId}:${await factorStamp(db, session.userId)}`)
    .digest();
  return base32(mac.subarray(0, 20));
}

export type EnrolmentResult =
  { ok: true; recoveryCodes: string[] | null; replaced: boolean } | { ok: false; reason: "invalid" };

class WrongCode extends Error {}

/**
 * Confirms the offered secret with a code from the user's app, in one transaction: the secret
 * replaces the user's factor only when the code matches (a wrong code leaves the old factor in
 * place), recovery codes are issued when the user has none left, and with `markSession` the
 * session counts as second-factor verified (full). Audited as auth.mfa_enrolled.
 */
export async function confirmTotpEnrolment(
  db: Database,
  actor: AuditActor,
  session: { sessionId: string; userId: string },
  code: string,
  options: { markSession: boolean },
  now: Date,
): Promise<EnrolmentResult> {
  try {
    return await db.transaction(async (tx) => {
      const secret = await enrolmentSecretFor(tx, session);
      const replaced = (await factorStamp(tx, session.userId)) !== "none";
      await storeUnconfirmedTotp(tx, session.userId, secret, now);
      if ((await checkTotp(tx, session.userId, code, now, { pending: true })) !== "ok") throw new WrongCode();
      const issueCodes = (await unusedRecoveryCodeCount(tx, session.userId)) === 0;
      const recoveryCodes = issueCodes ? await issueRecoveryCodes(tx, session.userId, now) : null;
      if (options.markSession) await markSecondFactor(tx, session.sessionId, "totp", now);
      await recordAudit(tx, actor, {
        action: "auth.mfa_enrolled",
        targetType: "user",
        targetId: session.userId,
        after: { method: "totp", replaced, recoveryCodesIssued: recoveryCodes?.length ?? 0 },
      });
      return { ok: true as const, recoveryCodes, replaced };
    });
  } catch (error) {
    if (error instanceof WrongCode) return { ok: false, reason: "invalid" };
    throw error;
  }
}

/** New recovery codes replace every old one; shown once. Audited. */
export async function regenerateRecoveryCodes(
  db: Database,
  actor: AuditActor,
  userId: string,
  now: Date,
): Promise<string[]> {
  return db.transaction(async (tx) => {
    const codes = await issueRecoveryCodes(tx, userId, now);
    await recordAudit(tx, actor, {
      action: "auth.recovery_codes_regenerated",
      targetType: "user",
      targetId: userId,
      after: { count: codes.length },
    });
    return codes;
  });
}
