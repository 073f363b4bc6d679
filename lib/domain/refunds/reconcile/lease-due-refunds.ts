import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import type { Database } from "@/lib/platform/db/types";
import { watchedRefundStatuses } from "../refund-status";
import { checkLeaseMs, staleRequestedMs } from "./check-schedule";

const leaseFree = (now: Date) => or(isNull(refunds.leaseUntil), lte(refunds.leaseUntil, now));

/**
 * Claims up to `limit` refunds due for a check, in one statement: the inner SELECT … FOR UPDATE
 * SKIP LOCKED lets several instances claim at once without waiting on (or taking) each other's
 * rows, and the lease keeps a claimed refund away from them until its check ends or the lease lapses.
 */
export async function leaseDueRefunds(db: Database, limit: number, now: Date): Promise<string[]> {
  const due = db
    .select({ id: refunds.id })
    .from(refunds)
    .where(
      and(
        inArray(refunds.status, [...watchedRefundStatuses]),
        or(
          lte(refunds.nextCheckAt, now),
          and(
            eq(refunds.status, "requested"),
            isNull(refunds.nextCheckAt),
            lte(refunds.statusChangedAt, new Date(now.getTime() - staleRequestedMs)),
          ),
        ),
        leaseFree(now),
      ),
    )
    .orderBy(asc(sql`coalesce(${refunds.nextCheckAt}, ${refunds.statusChangedAt})`))
    .limit(limit)
    .for("update", { skipLocked: true });
  const leased = await db
    .update(refunds)
    .set({ leaseUntil: new Date(now.getTime() + checkLeaseMs) })
    .where(inArray(refunds.id, due))
    .returning({ id: refunds.id });
  return leased.map((row) => row.id);
}

/** Claims one refund for an immediate check ("Sync now"); false if another check holds it. */
export async function leaseRefund(db: Database, refundId: string, now: Date): Promise<boolean> {
  const leased = await db
    .update(refunds)
    .set({ leaseUntil: new Date(now.getTime() + checkLeaseMs) })
    .where(and(eq(refunds.id, refundId), leaseFree(now)))
    .returning({ id: refunds.id });
  return leased.length === 1;
}

/** After a failed check: the lease is released and the refund looked at again at `retryAt`. */
export async function releaseRefundForRetry(db: Database, refundId: string, retryAt: Date): Promise<void> {
  await db.update(refunds).set({ leaseUntil: null, nextCheckAt: retryAt }).where(eq(refunds.id, refundId));
}
