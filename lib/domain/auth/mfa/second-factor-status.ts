import { eq } from "drizzle-orm";
import { authSessions } from "@/drizzle/schema";
import type { DbOrTx } from "@/lib/platform/db/types";

/** When (and with what) a second factor was last confirmed in this session; null if never. */
export async function secondFactorStatus(
  db: DbOrTx,
  sessionId: string,
): Promise<{ at: Date; method: string | null } | null> {
  const [row] = await db
    .select({ at: authSessions.secondFactorAt, method: authSessions.secondFactorMethod })
    .from(authSessions)
    .where(eq(authSessions.id, sessionId));
  return row?.at ? { at: row.at, method: row.method } : null;
}
