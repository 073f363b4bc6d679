import { eq, sql } from "drizzle-orm";
import { users } from "@/drizzle/schema";
import { countLiveSessionsOf } from "@/lib/domain/account/live-sessions";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { SessionPolicy } from "@/lib/domain/auth/session-policy";
import { revokeAllSessionsOf } from "@/lib/domain/auth/sessions";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import type { RevokeUserSessionsInput } from "@/lib/app/validation/account";

/**
 * An administrator signs a user out everywhere (ASVS 7.4.5): every session of theirs is revoked
 * and their session version moves on, so a sign-in racing with this cannot survive it either.
 * The user can sign in again at once (this is not disabling). Returns how many sessions were live.
 */
export async function revokeUserSessions(
  db: Database,
  actor: AuditActor,
  input: RevokeUserSessionsInput,
  policy: SessionPolicy,
  now: Date,
): Promise<{ email: string; liveSessions: number }> {
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, email: users.email })
      .from(users)
      .where(eq(users.id, input.userId))
      .for("update")
      .limit(1);
    if (!user) throw new AppError("NOT_FOUND", "That user does not exist.");
    const liveSessions = await countLiveSessionsOf(tx, user.id, policy, now);
    await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1`, updatedAt: now })
      .where(eq(users.id, user.id));
    const closedSessions = await revokeAllSessionsOf(tx, user.id, "revoked_by_admin", now);
    await recordAudit(tx, actor, {
      action: "user.sessions_revoked",
      targetType: "user",
      targetId: user.id,
      before: { liveSessions },
      after: { closedSessions },
    });
    return { email: user.email, liveSessions };
  });
}
