import { and, count, desc, eq, gte, isNull, ne, type SQL } from "drizzle-orm";
import { authSessions, users } from "@/drizzle/schema";
import type { SessionPolicy } from "@/lib/domain/auth/session-policy";
import type { DbOrTx } from "@/lib/platform/db/types";

export interface LiveSession {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  ip: string | null;
  userAgent: string | null;
}

/**
 * The SQL twin of checkSession's rules: not revoked, of the user's current session version, the
 * user enabled, and within the absolute and idle limits. Needs auth_sessions joined with users.
 */
function isLive(policy: SessionPolicy, now: Date): SQL {
  return and(
    isNull(authSessions.revokedAt),
    isNull(users.disabledAt),
    eq(authSessions.sessionVersion, users.sessionVersion),
    gte(authSessions.createdAt, new Date(now.getTime() - policy.absoluteMs)),
    gte(authSessions.lastSeenAt, new Date(now.getTime() - policy.idleMs)),
  )!;
}

/** The user's sessions that would still be accepted now, most recently used first. */
export function listLiveSessions(db: DbOrTx, userId: string, policy: SessionPolicy, now: Date): Promise<LiveSession[]> {
  return db
    .select({
      id: authSessions.id,
      createdAt: authSessions.createdAt,
      lastSeenAt: authSessions.lastSeenAt,
      ip: authSessions.ip,
      userAgent: authSessions.userAgent,
    })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(and(eq(authSessions.userId, userId), isLive(policy, now)))
    .orderBy(desc(authSessions.lastSeenAt), desc(authSessions.createdAt));
}

export async function countLiveSessionsOf(
  db: DbOrTx,
  userId: string,
  policy: SessionPolicy,
  now: Date,
  exceptSessionId?: string,
): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(
      and(
        eq(authSessions.userId, userId),
        isLive(policy, now),
        exceptSessionId ? ne(authSessions.id, exceptSessionId) : undefined,
      ),
    );
  return row?.n ?? 0;
}

/** Live session counts of every user that has any (for the Users page). */
export async function countLiveSessionsByUser(
  db: DbOrTx,
  policy: SessionPolicy,
  now: Date,
): Promise<Map<string, number>> {
  const rows = await db
    .select({ userId: authSessions.userId, n: count() })
    .from(authSessions)
    .innerJoin(users, eq(users.id, authSessions.userId))
    .where(isLive(policy, now))
    .groupBy(authSessions.userId);
  return new Map(rows.map((row) => [row.userId, row.n]));
}
