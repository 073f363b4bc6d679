import { and, gt, inArray } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { watchedRefundStatuses } from "../refund-status";

/**
 * The sandbox clock jumped ahead: every watched refund's next look is due now, as it would be had
 * that time really passed. The reconciler schedules looks on real time (hours apart once a
 * refund is slow), so without this a refund that should need attention after a moved day would
 * wait hours for its next look. Only scheduling moves: statuses and money change when the
 * reconciler looks, through the state machine.
 */
export async function dueRefundChecksNow(db: DbOrTx, now: Date = new Date()): Promise<number> {
  const moved = await db
    .update(refunds)
    .set({ nextCheckAt: now })
    .where(and(inArray(refunds.status, [...watchedRefundStatuses]), gt(refunds.nextCheckAt, now)))
    .returning({ id: refunds.id });
  return moved.length;
}
