import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { orders } from "@/drizzle/schema/orders";
import type { Database } from "@/lib/platform/db/types";
import { abandonedPlacingAfterMs, orderCheckLeaseMs } from "./order-check-schedule";

export const watchedOrderStatuses = ["placing", "unknown", "pending"] as const;

const leaseFree = (now: Date) => or(isNull(orders.leaseUntil), lte(orders.leaseUntil, now));

/**
 * Claims up to `limit` orders due for a check (placing, unknown or pending with next_check_at
 * passed, placing with no answer for too long, or a partial delivery still awaiting its refund)
 * in one statement: SELECT … FOR UPDATE SKIP LOCKED, then a lease, like leaseDueRefunds.
 */
export async function leaseDueOrders(db: Database, limit: number, now: Date): Promise<string[]> {
  const due = db
    .select({ id: orders.id })
    .from(orders)
    .where(
      and(
        or(
          and(
            inArray(orders.status, [...watchedOrderStatuses]),
            or(
              lte(orders.nextCheckAt, now),
              and(
                eq(orders.status, "placing"),
                isNull(orders.nextCheckAt),
                lte(orders.createdAt, new Date(now.getTime() - abandonedPlacingAfterMs)),
              ),
            ),
          ),
          // A partial delivery whose refund the provider had not shown yet stays watched until it is booked.
          and(eq(orders.status, "partially_delivered"), lte(orders.nextCheckAt, now)),
        ),
        leaseFree(now),
      ),
    )
    .orderBy(asc(sql`coalesce(${orders.nextCheckAt}, ${orders.createdAt})`))
    .limit(limit)
    .for("update", { skipLocked: true });
  const leased = await db
    .update(orders)
    .set({ leaseUntil: new Date(now.getTime() + orderCheckLeaseMs) })
    .where(inArray(orders.id, due))
    .returning({ id: orders.id });
  return leased.map((row) => row.id);
}

/** After a failed check: the lease is released and the order looked at again at `retryAt`. */
export async function releaseOrderForRetry(db: Database, orderId: string, retryAt: Date): Promise<void> {
  await db.update(orders).set({ leaseUntil: null, nextCheckAt: retryAt }).where(eq(orders.id, orderId));
}
