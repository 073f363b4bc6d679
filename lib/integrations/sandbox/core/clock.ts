import { eq, sql } from "drizzle-orm";
import { sandboxClock } from "../db/schema";
import type { DbOrTx } from "@/lib/platform/db/types";

/**
 * Sandbox time = real time + an offset kept in the database (so every app instance agrees).
 * Tests and demo operators advance it ("advance 91 days") to show time-based outcomes.
 */
export async function clockOffsetMs(db: DbOrTx): Promise<number> {
  const [row] = await db.select({ offsetMs: sandboxClock.offsetMs }).from(sandboxClock).where(eq(sandboxClock.id, 1));
  return row?.offsetMs ?? 0;
}

export async function sandboxNow(db: DbOrTx): Promise<Date> {
  return new Date(Date.now() + (await clockOffsetMs(db)));
}

export async function advanceClock(db: DbOrTx, byMs: number): Promise<Date> {
  if (!Number.isSafeInteger(byMs) || byMs < 0)
    throw new RangeError("the sandbox clock only moves forward, by whole milliseconds");
  await db
    .insert(sandboxClock)
    .values({ id: 1, offsetMs: byMs })
    .onConflictDoUpdate({ target: sandboxClock.id, set: { offsetMs: sql`${sandboxClock.offsetMs} + ${byMs}` } });
  return sandboxNow(db);
}
