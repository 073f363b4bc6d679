import { and, eq, isNull } from "drizzle-orm";
import { authSessions, users } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/db/types";
import type { Role } from "./permissions";
import type { SessionPolicy } from "./session-policy";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** When a second factor was last verified in this session (null: password only). */
  secondFactorAt: Date | null;
}

export type SessionCheck =
  | { ok: true; user: SessionUser }
  | { ok: false; reason: "missing" | "revoked" | "idle" | "expired" | "disabled" | "superseded" };

export async function startSession(
  tx: DbOrTx,
  user: { id: string; sessionVersion: number },
  meta: { ip: string | null; userAgent: string | null },
  now: Date,
): Promise<string> {
  const [row] = await tx
    .insert(authSessions)
    .values({
      userId: user.id,
      sessionVersion: user.sessionVersion,
      createdAt: now,
      lastSeenAt: now,
      ip: meta.ip,
      userAgent: meta.userAgent?.slice(0, 512) ?? null,
    })
    .returning({ id: authSessions.id });
  if (!row) throw new Error("session insert returned no row");
  return row.id;
}

/**
 * Decides, on every request, whether a session still stands: not revoked, not idle past the
 * idle timeout, not older than the absolute timeout, its user enabled and its session version
 * current. The role is read here from the database, so a role change applies on the next request.
 */
export async function checkSession(db: DbOrTx, sessionId: string, policy: SessionPolicy, now: Date): Promise<SessionCheck> {
  const [row] = await db
    .select({
      session: authSessions,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        disabledAt: users.disabledAt,
        sessionVersion: users.sessionVersion,
      },
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(eq(authSessions.id, sessionId))
    .limit(1);
  if (!row) return { ok: false, reason: "missing" };
  const { session, user } = row;
  if (session.revokedAt) return { ok: false, reason: "revoked" };
  if (user.disabledAt) return { ok: false, reason: "disabled" };
  if (session.sessionVersion !== user.sessionVersion) return { ok: false, reason: "superseded" };
  if (now.getTime() - session.createdAt.getTime() > policy.absoluteMs) return { ok: false, reason: "expired" };
  if (now.getTime() - session.lastSeenAt.getTime() > policy.idleMs) return { ok: false, reason: "idle" };
  if (now.getTime() - session.lastSeenAt.getTime() > policy.touchEveryMs) {
    await db.update(authSessions).set({ lastSeenAt: now }).where(eq(authSessions.id, sessionId));
  }
  return {
    ok: true,
    user: { id: user.id, email: user.email, name: user.name, role: user.role, sessionId: session.id, secondFactorAt: session.secondFactorAt },
  };
}

export async function revokeSession(db: DbOrTx, sessionId: string, reason: string, now: Date): Promise<boolean> {
  const revoked = await db
    .update(authSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return revoked.length > 0;
}

export async function revokeAllSessionsOf(db: DbOrTx, userId: string, reason: string, now: Date): Promise<number> {
  const revoked = await db
    .update(authSessions)
    .set({ revokedAt: now, revokedReason: reason })
    .where(and(eq(authSessions.userId, userId), isNull(authSessions.revokedAt)))
    .returning({ id: authSessions.id });
  return revoked.length;
}
