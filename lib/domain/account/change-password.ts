import { and, eq, isNull, lt, ne, sql } from "drizzle-orm";
import { authSessions, users } from "@/drizzle/schema";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { hashPassword, verifyPassword } from "@/lib/domain/auth/password";
import { checkPasswordStrength } from "@/lib/domain/users/password-strength";
import type { SessionPolicy } from "@/lib/domain/auth/session-policy";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import type { ChangePasswordInput } from "@/lib/app/validation/account";
import { countLiveSessionsOf } from "./live-sessions";
import type { CurrentSession } from "./own-sessions";

/** Wrong current passwords one session may type before it is ended (the guesser must sign in again). */
export const maxWrongCurrentPasswords = 5;

const clearedFields = "the password fields were cleared so nothing secret stays on the page; type them again";

/**
 * Reserves one current-password check for this session before any argon2 work, so parallel
 * guesses cannot exceed the limit: the counter is raised atomically and only below the limit.
 * Returns the attempt's number, or null when the session is revoked or has used every attempt.
 */
async function reserveAttempt(db: Database, current: CurrentSession): Promise<number | null> {
  const [row] = await db
    .update(authSessions)
    .set({ passwordChangeFailures: sql`${authSessions.passwordChangeFailures} + 1` })
    .where(
      and(
        eq(authSessions.id, current.sessionId),
        eq(authSessions.userId, current.userId),
        isNull(authSessions.revokedAt),
        lt(authSessions.passwordChangeFailures, maxWrongCurrentPasswords),
      ),
    )
    .returning({ attempt: authSessions.passwordChangeFailures });
  return row?.attempt ?? null;
}

async function refuseWrongCurrentPassword(
  db: Database,
  actor: AuditActor,
  current: CurrentSession,
  attempt: number,
  now: Date,
): Promise<never> {
  const sessionEnded = attempt >= maxWrongCurrentPasswords;
  await db.transaction(async (tx) => {
    if (sessionEnded) {
      await tx
        .update(authSessions)
        .set({ revokedAt: now, revokedReason: "password_change_failures" })
        .where(and(eq(authSessions.id, current.sessionId), isNull(authSessions.revokedAt)));
    }
    await recordAudit(tx, actor, {
      action: "user.password_change_failed",
      targetType: "user",
      targetId: current.userId,
      after: { reason: "wrong_current_password", attempt, maxAttempts: maxWrongCurrentPasswords, sessionEnded },
    });
  });
  if (sessionEnded) {
    throw new AppError(
      "UNAUTHENTICATED",
      `A wrong current password was typed ${maxWrongCurrentPasswords} times, so this session was ended for safety; sign in again.`,
    );
  }
  const left = maxWrongCurrentPasswords - attempt;
  throw new AppError(
    "VALIDATION_FAILED",
    `Your current password was not right, so nothing changed, and ${clearedFields} (${left} ${left === 1 ? "try" : "tries"} left before this session ends).`,
    {
      fieldErrors: { currentPassword: ["is not your current password"] },
    },
  );
}

/**
 * The signed-in user changes their own password (ASVS 6.2.2, 6.2.3): the current one must be
 * right, and wrong ones are counted per session (see maxWrongCurrentPasswords) and audited. On
 * success the new hash is stored and every OTHER session of the user is ended (ASVS 7.4.3): the
 * session version moves on, and the session in use is carried over to it, so it stays signed in.
 * Returns how many other live sessions were ended (timed-out ones are closed too, uncounted).
 */
export async function changeOwnPassword(
  db: Database,
  actor: AuditActor,
  current: CurrentSession,
  input: Pick<ChangePasswordInput, "currentPassword" | "newPassword">,
  policy: SessionPolicy,
  now: Date,
): Promise<number> {
  const attempt = await reserveAttempt(db, current);
  if (attempt === null) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");

  const [stored] = await db
    .select({ passwordHash: users.passwordHash, email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, current.userId))
    .limit(1);
  if (!stored) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
  if (!(await verifyPassword(stored.passwordHash, input.currentPassword))) {
    return refuseWrongCurrentPassword(db, actor, current, attempt, now);
  }
  if (input.newPassword === input.currentPassword) {
    await db.update(authSessions).set({ passwordChangeFailures: 0 }).where(eq(authSessions.id, current.sessionId));
    throw new AppError(
      "VALIDATION_FAILED",
      `The new password is the same as the current one, so nothing changed, and ${clearedFields}.`,
      {
        fieldErrors: { newPassword: ["must be different from your current password"] },
      },
    );
  }

  // ASVS 6.2.12: the same rule as an admin's create and reset (common, breached or built from the user's details).
  const verdict = await checkPasswordStrength(input.newPassword, { email: stored.email, name: stored.name });
  if (!verdict.ok) {
    await db.update(authSessions).set({ passwordChangeFailures: 0 }).where(eq(authSessions.id, current.sessionId));
    throw new AppError(
      "VALIDATION_FAILED",
      `The new password ${verdict.rule}, so nothing changed, and ${clearedFields}.`,
      {
        fieldErrors: { newPassword: [verdict.rule] },
      },
    );
  }

  const newHash = await hashPassword(input.newPassword);
  return db.transaction(async (tx) => {
    const [locked] = await tx
      .select({ passwordHash: users.passwordHash })
      .from(users)
      .where(eq(users.id, current.userId))
      .for("update")
      .limit(1);
    // Another change (or an admin's reset) won the race since we checked the current password.
    if (!locked || locked.passwordHash !== stored.passwordHash) {
      throw new AppError(
        "CONFLICT",
        "Your password was changed by another request a moment ago, so this change was not made; reload the page and try again.",
      );
    }
    const liveOthers = await countLiveSessionsOf(tx, current.userId, policy, now, current.sessionId);
    const [bumped] = await tx
      .update(users)
      .set({ passwordHash: newHash, sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, current.userId))
      .returning({ sessionVersion: users.sessionVersion });
    if (!bumped) throw new Error("user update returned no row");
    const kept = await tx
      .update(authSessions)
      .set({ sessionVersion: bumped.sessionVersion, passwordChangeFailures: 0 })
      .where(and(eq(authSessions.id, current.sessionId), isNull(authSessions.revokedAt)))
      .returning({ id: authSessions.id });
    if (kept.length === 0) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const ended = await tx
      .update(authSessions)
      .set({ revokedAt: now, revokedReason: "password_changed" })
      .where(
        and(
          eq(authSessions.userId, current.userId),
          ne(authSessions.id, current.sessionId),
          isNull(authSessions.revokedAt),
        ),
      )
      .returning({ id: authSessions.id });
    await recordAudit(tx, actor, {
      action: "user.password_changed",
      targetType: "user",
      targetId: current.userId,
      after: { by: "self", endedOtherSessions: liveOthers, closedSessions: ended.length },
    });
    return liveOthers;
  });
}
