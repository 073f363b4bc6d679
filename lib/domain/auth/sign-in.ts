import { eq } from "drizzle-orm";
import { signInAttempts, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { throttleKeyOf } from "@/lib/platform/net/ip-address";
import { normalizeEmail } from "@/lib/app/validation/users";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { ThrottlePolicy } from "./session-policy";
import { startSession, type SessionUser } from "./sessions";
import { claimSignInAttempt, type ThrottleRefusal } from "./throttle/claim-attempt";
import { pairLockedUntil } from "./throttle/pair-lock";

export interface SignInRequest {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export type SignInResult =
  { ok: true; user: SessionUser } | { ok: false; reason: "invalid" | "disabled" } | ThrottleRefusal;

export interface SignInDeps {
  /** The password check; tests count calls through it. */
  verify?: (passwordHash: string, password: string) => Promise<boolean>;
}

/**
 * Verifies credentials with throttling (lib/domain/auth/throttle/claim-attempt.ts) in three steps: claim
 * the attempt in one short locked transaction (or refuse it), check the password outside any
 * transaction, then settle the claim. Unknown emails take the same steps and the same argon2
 * verification as known ones, and both answer "invalid".
 */
export async function signIn(
  db: Database,
  request: SignInRequest,
  policy: ThrottlePolicy,
  now = new Date(),
  deps: SignInDeps = {},
): Promise<SignInResult> {
  const email = normalizeEmail(request.email);
  const meta = { ip: request.ip, userAgent: request.userAgent };
  const auditActor = { userId: null, email, role: null, ...meta };

  // IPv6 clients are throttled by their /64 (lib/platform/net/ip-address.ts); the audit keeps the full address.
  const throttleKey = { email, ip: throttleKeyOf(request.ip) };
  const claim = await claimSignInAttempt(db, throttleKey, policy, auditActor, now);
  if (!claim.ok) return claim;
  const attempt = eq(signInAttempts.id, claim.attemptId);

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const verify = deps.verify ?? verifyPassword;
  const passwordOk = await verify(user?.passwordHash ?? (await dummyPasswordHash()), request.password);

  if (!user || !passwordOk) {
    await db.transaction(async (tx) => {
      await tx.update(signInAttempts).set({ succeeded: false }).where(attempt);
      await recordAudit(tx, auditActor, { action: "auth.sign_in_failed", targetType: "user", targetId: email });
    });
    // Checked again after settling, so the failure that reaches the limit already says so.
    const lockNow = await pairLockedUntil(db, throttleKey, policy, now);
    if (lockNow) return { ok: false, reason: "locked", scope: "account", retryAt: lockNow };
    return { ok: false, reason: "invalid" };
  }

  if (user.disabledAt) {
    await db.transaction(async (tx) => {
      await tx.update(signInAttempts).set({ succeeded: false }).where(attempt);
      await recordAudit(
        tx,
        { ...auditActor, userId: user.id, role: user.role },
        {
          action: "auth.sign_in_refused_disabled",
          targetType: "user",
          targetId: user.id,
        },
      );
    });
    return { ok: false, reason: "disabled" };
  }

  const sessionId = await db.transaction(async (tx) => {
    await tx.update(signInAttempts).set({ succeeded: true }).where(attempt);
    const id = await startSession(tx, user, meta, now);
    await recordAudit(
      tx,
      { ...auditActor, userId: user.id, role: user.role },
      {
        action: "auth.sign_in",
        targetType: "session",
        targetId: id,
      },
    );
    return id;
  });
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId, secondFactorAt: null },
  };
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? "" : "s"}`;

export function signInErrorMessage(result: Exclude<SignInResult, { ok: true }>, now = new Date()): string {
  switch (result.reason) {
    case "invalid":
      return "Email or password is incorrect.";
    case "disabled":
      return "This account is disabled. Ask an administrator to enable it.";
    case "locked": {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 60_000));
      const who = result.scope === "account" ? "this account" : "your network address";
      return `Too many failed sign-ins for ${who}. Try again in ${plural(minutes, "minute")}.`;
    }
    case "slow_down": {
      const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 1000));
      return `This account has had many failed sign-ins, so wait ${plural(seconds, "second")} before trying again.`;
    }
  }
}
