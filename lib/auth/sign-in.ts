import { and, desc, eq, gt } from "drizzle-orm";
import { signInAttempts, users } from "@/drizzle/schema";
import { recordAudit } from "@/lib/audit/record-audit";
import type { Database } from "@/lib/db/types";
import { normalizeEmail } from "@/lib/validation/users";
import { dummyPasswordHash, verifyPassword } from "./password";
import type { ThrottlePolicy } from "./session-policy";
import { startSession, type SessionUser } from "./sessions";

export interface SignInRequest {
  email: string;
  password: string;
  ip: string;
  userAgent: string | null;
}

export type SignInResult =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "invalid" | "disabled" }
  | { ok: false; reason: "locked"; scope: "account" | "ip"; retryAt: Date };

/**
 * When the most recent `max` failures (after the last success, for accounts) all fall inside
 * the lock window, the key is locked until the oldest of them leaves the window.
 */
async function lockedUntil(
  db: Database,
  key: { email: string } | { ip: string },
  max: number,
  lockMs: number,
  now: Date,
): Promise<Date | null> {
  const windowStart = new Date(now.getTime() - lockMs);
  const match = "email" in key ? eq(signInAttempts.email, key.email) : eq(signInAttempts.ip, key.ip);
  const recent = await db
    .select({ at: signInAttempts.at, succeeded: signInAttempts.succeeded })
    .from(signInAttempts)
    .where(and(match, gt(signInAttempts.at, windowStart)))
    .orderBy(desc(signInAttempts.at))
    .limit(max);
  const failures: Date[] = [];
  for (const attempt of recent) {
    if (attempt.succeeded) {
      if ("email" in key) break;
      continue;
    }
    failures.push(attempt.at);
  }
  if (failures.length < max) return null;
  const oldest = failures[failures.length - 1] as Date;
  return new Date(oldest.getTime() + lockMs);
}

/**
 * Verifies credentials with throttling per account and per IP. Attempts made while locked are
 * refused before the password is checked and do not extend the lock. Unknown emails cost the
 * same argon2 verification as known ones, and both answer "invalid".
 */
export async function signIn(db: Database, request: SignInRequest, policy: ThrottlePolicy, now = new Date()): Promise<SignInResult> {
  const email = normalizeEmail(request.email);
  const meta = { ip: request.ip, userAgent: request.userAgent };
  const auditActor = { userId: null, email, role: null, ...meta };

  const accountLock = await lockedUntil(db, { email }, policy.maxFailuresPerAccount, policy.lockMs, now);
  const ipLock = await lockedUntil(db, { ip: request.ip }, policy.maxFailuresPerIp, policy.lockMs, now);
  if (accountLock || ipLock) {
    const scope = accountLock ? "account" : "ip";
    await recordAudit(db, auditActor, { action: "auth.sign_in_refused_locked", targetType: "user", targetId: email, after: { scope } });
    return { ok: false, reason: "locked", scope, retryAt: (accountLock ?? ipLock) as Date };
  }

  const [user] = await db.select().from(users).where(eq(users.email, email)).limit(1);
  const passwordOk = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), request.password);

  if (!user || !passwordOk) {
    await db.transaction(async (tx) => {
      await tx.insert(signInAttempts).values({ at: now, email, ip: request.ip, succeeded: false });
      await recordAudit(tx, auditActor, { action: "auth.sign_in_failed", targetType: "user", targetId: email });
    });
    const lockNow = await lockedUntil(db, { email }, policy.maxFailuresPerAccount, policy.lockMs, now);
    if (lockNow) return { ok: false, reason: "locked", scope: "account", retryAt: lockNow };
    return { ok: false, reason: "invalid" };
  }

  if (user.disabledAt) {
    await recordAudit(db, { ...auditActor, userId: user.id, role: user.role }, {
      action: "auth.sign_in_refused_disabled",
      targetType: "user",
      targetId: user.id,
    });
    return { ok: false, reason: "disabled" };
  }

  const sessionId = await db.transaction(async (tx) => {
    await tx.insert(signInAttempts).values({ at: now, email, ip: request.ip, succeeded: true });
    const id = await startSession(tx, user, meta, now);
    await recordAudit(tx, { ...auditActor, userId: user.id, role: user.role }, {
      action: "auth.sign_in",
      targetType: "session",
      targetId: id,
    });
    return id;
  });
  return { ok: true, user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId, secondFactorAt: null } };
}

export function signInErrorMessage(result: Exclude<SignInResult, { ok: true }>, now = new Date()): string {
  switch (result.reason) {
    case "invalid":
      return "Email or password is incorrect.";
    case "disabled":
      return "This account is disabled. Ask an administrator to enable it.";
    case "locked": {
      const minutes = Math.max(1, Math.ceil((result.retryAt.getTime() - now.getTime()) / 60_000));
      const who = result.scope === "account" ? "this account" : "your network address";
      return `Too many failed sign-ins for ${who}. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
    }
  }
}
