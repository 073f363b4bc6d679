import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { authSessions } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";
import { consumeRecoveryCode } from "./recovery-codes";
import { checkTotp } from "./totp";

export type SecondFactorMethod = "totp" | "recovery_code" | "passkey";

/** Wrong answers allowed in one session before it is revoked and the password is asked again. */
export const MAX_SECOND_FACTOR_FAILURES = 5;

export type SecondFactorResult =
  { ok: true; method: SecondFactorMethod } | { ok: false; reason: "invalid" | "reused" | "not_enrolled" | "locked" };

/**
 * Records that a second factor was just verified in this session: the session becomes a full
 * one (sign-in) or a fresh one (step-up), measured from secondFactorAt.
 */
export async function markSecondFactor(
  db: DbOrTx,
  sessionId: string,
  method: SecondFactorMethod,
  now: Date,
): Promise<void> {
  await db
    .update(authSessions)
    .set({ secondFactorAt: now, secondFactorMethod: method, secondFactorFailures: 0 })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
}

/**
 * Counts a wrong answer; the one that reaches the limit revokes the session (answered "locked"),
 * so a stolen password cannot be paired with unlimited guesses of a six-digit code.
 */
async function recordFailure(db: DbOrTx, sessionId: string, now: Date): Promise<"counted" | "locked"> {
  const [row] = await db
    .update(authSessions)
    .set({ secondFactorFailures: sql`${authSessions.secondFactorFailures} + 1` })
    .where(eq(authSessions.id, sessionId))
    .returning({ failures: authSessions.secondFactorFailures });
  if (!row || row.failures < MAX_SECOND_FACTOR_FAILURES) return "counted";
  await db
    .update(authSessions)
    .set({ revokedAt: now, revokedReason: "second_factor_failures" })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)));
  return "locked";
}

/**
 * Checks an authenticator code or a recovery code typed by the session's user (at sign-in or at
 * a step-up) and marks the session on success. Passkeys are verified in passkeys.ts and then
 * call markSecondFactor themselves. The caller writes the audit entry.
 */
export async function verifyTypedSecondFactor(
  db: DbOrTx,
  session: { sessionId: string; userId: string },
  answer: { kind: "totp" | "recovery_code"; code: string },
  now: Date,
): Promise<SecondFactorResult> {
  if (answer.kind === "totp") {
    const check = await checkTotp(db, session.userId, answer.code, now);
    if (check === "ok") {
      await markSecondFactor(db, session.sessionId, "totp", now);
      return { ok: true, method: "totp" };
    }
    if (check === "not_enrolled") return { ok: false, reason: "not_enrolled" };
    if ((await recordFailure(db, session.sessionId, now)) === "locked") return { ok: false, reason: "locked" };
    return { ok: false, reason: check };
  }
  if (await consumeRecoveryCode(db, session.userId, answer.code, now)) {
    await markSecondFactor(db, session.sessionId, "recovery_code", now);
    return { ok: true, method: "recovery_code" };
  }
  if ((await recordFailure(db, session.sessionId, now)) === "locked") return { ok: false, reason: "locked" };
  return { ok: false, reason: "invalid" };
}

/**
 * Leaves "sudo mode" at the user's request: the session stays full, but its second factor is
 * dated just past the step-up window, so the next sensitive action asks for it again.
 */
export async function endStepUpWindow(db: DbOrTx, sessionId: string, maxAgeMs: number, now: Date): Promise<void> {
  const staleAt = new Date(now.getTime() - maxAgeMs - 1000);
  await db
    .update(authSessions)
    .set({ secondFactorAt: staleAt })
    .where(
      and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt), gt(authSessions.secondFactorAt, staleAt)),
    );
}
