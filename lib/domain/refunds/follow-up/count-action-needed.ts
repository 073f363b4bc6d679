import { and, inArray, sql, type SQL } from "drizzle-orm";
import { refundFollowUps, refunds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { moneyNotDeliveredStatuses } from "../refund-status";

/** Refunds whose money never reached the customer and whose latest follow-up is not marked done. */
export function actionNeededCondition(): SQL {
  const latestState = sql`(select ${refundFollowUps.state} from ${refundFollowUps} where ${refundFollowUps.refundId} = ${refunds.id} order by ${refundFollowUps.id} desc limit 1)`;
  return and(inArray(refunds.status, moneyNotDeliveredStatuses), sql`${latestState} is distinct from 'done'`)!;
}

/**
 * How many refunds need action (money not delivered, no follow-up marked done), reading at most
 * `cap` + 1 of them: declined refunds grow without end, so the count is capped like the monitor's
 * settled counts. `capped` means "more than cap".
 */
export async function countActionNeeded(db: DbOrTx, cap: number): Promise<{ count: number; capped: boolean }> {
  const rows = await db
    .select({ id: refunds.id })
    .from(refunds)
    .where(actionNeededCondition())
    .limit(cap + 1);
  return { count: Math.min(rows.length, cap), capped: rows.length > cap };
}
