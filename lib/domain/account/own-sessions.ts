import { and, eq, isNull, ne } from "drizzle-orm";
import { authSessions } from "@/drizzle/schema";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { SessionPolicy } from "@/lib/domain/auth/session-policy";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { countLiveSessionsOf } from "./live-sessions";

/** The signed-in user and the session they are using right now. */
export interface CurrentSession {
  userId: string;
  sessionId: string;
}

/**
 * Ends one of the user's own other sessions. A session id that is not theirs (another user's, or
 * none at all) is refused the same way, so the answer reveals nothing, and the attempt is audited.
 * Idempotent: a session of theirs that had already ended is reported as such.
 */
export async function revokeOwnSession(
  db: Database,
  actor: AuditActor,
  current: CurrentSession,
  sessionId: string,
  now: Date,
): Promise<"revoked" | "already_ended"> {
  if (sessionId === current.sessionId) {
    throw new AppError("CONFLICT", "That is the session you are using now; use Sign out to end it.");
  }
  const outcome = await db.transaction(async (tx) => {
    const [session] = await tx
      .select({ userId: authSessions.userId, revokedAt: authSessions.revokedAt })
      .from(authSessions)
      .where(eq(authSessions.id, sessionId))
      .for("update")
      .limit(1);
    if (!session || session.userId !== current.userId) return "not_yours" as const;
    if (session.revokedAt) return "already_ended" as const;
    await tx
      .update(authSessions)
      .set({ revokedAt: now, revokedReason: "revoked_by_user" })
      .where(eq(authSessions.id, sessionId));
    await recordAudit(tx, actor, {
      action: "auth.session_revoked_by_user",
      targetType: "session",
      targetId: sessionId,
      after: { scope: "one" },
    });
    return "revoked" as const;
  });
  if (outcome === "not_yours") {
    // Nothing changed, so this audit row has no transaction to share.
    await recordAudit(db, actor, {
      action: "auth.session_revoke_refused",
      targetType: "session",
      targetId: sessionId,
      after: { reason: "not_own_session" },
    });
    throw new AppError("NOT_FOUND", "That session is not one of yours, so nothing was signed out.");
  }
  return outcome;
}

/**
 * Ends every session of the user except the one in use. Returns how many of them were live
 * (sessions that had already timed out are closed too, but are not counted as signed out).
 */
export async function revokeOtherSessions(
  db: Database,
  actor: AuditActor,
  current: CurrentSession,
  policy: SessionPolicy,
  now: Date,
): Promise<number> {
  return db.transaction(async (tx) => {
    const liveOthers = await countLiveSessionsOf(tx, current.userId, policy, now, current.sessionId);
    const revoked = await tx
      .update(authSessions)
      .set({ revokedAt: now, revokedReason: "revoked_by_user" })
      .where(
        and(
          eq(authSessions.userId, current.userId),
          ne(authSessions.id, current.sessionId),
          isNull(authSessions.revokedAt),
        ),
      )
      .returning({ id: authSessions.id });
    if (revoked.length > 0) {
      await recordAudit(tx, actor, {
        action: "auth.session_revoked_by_user",
        targetType: "user",
        targetId: current.userId,
        after: { scope: "all_others", signedOutSessions: liveOthers, closedSessions: revoked.length },
      });
    }
    return liveOthers;
  });
}
