import { and, eq, isNull } from "drizzle-orm";
import { authSessions, users } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";
import { factorStatusOf, hasAnyFactor } from "./mfa/factor-status";
import { roleRequiresMfa } from "./mfa/policy";
import type { Role } from "./permissions";
import type { SessionPolicy } from "./session-policy";

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  sessionId: string;
  /** When a second factor was last verified in this session (null: password only). Step-up reads it. */
  secondFactorAt: Date | null;
}

/**
 * A standing session is "full", or "pending" while only the password was given and the user
 * has a factor to verify ("verify") or must enrol one first ("enrol"). Only full sessions
 * reach the dashboard (getCurrentUser); pending ones reach the sign-in steps alone.
 */
export type SessionStage = { stage: "full" } | { stage: "pending"; needs: "verify" | "enrol" };

export type SessionCheck =
  | ({ ok: true; user: SessionUser } & SessionStage)
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
export async function checkSession(
  db: DbOrTx,
  sessionId: string,
  policy: SessionPolicy,
  now: Date,
): Promise<SessionCheck> {
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
  const sessionUser: SessionUser = {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    sessionId: session.id,
    secondFactorAt: session.secondFactorAt,
  };
  return { ok: true, user: sessionUser, ...(await stageOf(db, sessionUser, policy)) };
}

async function stageOf(db: DbOrTx, user: SessionUser, policy: SessionPolicy): Promise<SessionStage> {
  if (user.secondFactorAt) return { stage: "full" };
  // Only password-only sessions pay for this lookup.
  if (hasAnyFactor(await factorStatusOf(db, user.id))) return { stage: "pending", needs: "verify" };
  if (roleRequiresMfa(user.role, policy.mfaRequiredRoles)) return { stage: "pending", needs: "enrol" };
  return { stage: "full" };
}

/**
 * ASVS 7.2.4: once the second factor is verified at sign-in, the browser gets a new session and
 * the password-only one ends, so a session id planted or seen before authentication finished is
 * worth nothing after it. The new session keeps the sign-in time (the absolute timeout still
 * counts from the password) and the verified factor. Null when the old one was revoked meanwhile.
 */
export async function rotateSession(db: DbOrTx, sessionId: string, now: Date): Promise<string | null> {
  return db.transaction(async (tx) => {
    const [old] = await tx
      .update(authSessions)
      .set({ revokedAt: now, revokedReason: "rotated_after_second_factor" })
      .where(and(eq(authSessions.id, sessionId), isNull(authSessions.revokedAt)))
      .returning();
    if (!old) return null;
    const [row] = await tx
      .insert(authSessions)
      .values({
        userId: old.userId,
        sessionVersion: old.sessionVersion,
        createdAt: old.createdAt,
        lastSeenAt: now,
        ip: old.ip,
        userAgent: old.userAgent,
        secondFactorAt: old.secondFactorAt,
        secondFactorMethod: old.secondFactorMethod,
      })
      .returning({ id: authSessions.id });
    if (!row) throw new Error("session insert returned no row");
    return row.id;
  });
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
