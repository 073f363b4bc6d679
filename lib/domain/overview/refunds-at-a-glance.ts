import { and, count, eq, gte, sql } from "drizzle-orm";
import { webhookReceipts } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import {
  awaitingStatuses,
  countMonitorRefunds,
  openRefundCounts,
  type RefundAgeBucket,
} from "@/lib/domain/refunds/monitor";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";

type CappedCount = { count: number; capped: boolean };

export interface RefundsAtAGlance {
  /** Refunds still waiting on someone, per status (every provider together), in the monitor's order. */
  inFlight: { status: RefundStatus; count: number }[];
  ages: Record<RefundAgeBucket, number>;
  /**
   * What needs a person, each the count of the refunds list with the same filter: the money never
   * reached the customer and nobody has settled it another way; the provider's answer was unclear;
   * the provider is later than it usually is.
   */
  followUp: CappedCount;
  needsAttention: CappedCount;
  overdue: CappedCount;
  /** Refunds waiting for a second person: all of them, and those this user may approve (not their own). */
  approvals: { total: number; forMe: number };
}

/** What finance and ops look at first about refunds, from the same queries as the refunds monitor. */
export async function refundsAtAGlance(db: DbOrTx, userId: string, now: Date): Promise<RefundsAtAGlance> {
  const awaitingApproval = eq(refunds.status, "awaiting_approval");
  const [open, followUp, needsAttention, overdue, [allApprovals], [forMe]] = await Promise.all([
    openRefundCounts(db, now),
    countMonitorRefunds(db, { need: "follow_up" }, now),
    countMonitorRefunds(db, { status: "needs_attention" }, now),
    countMonitorRefunds(db, { need: "overdue" }, now),
    db.select({ n: count() }).from(refunds).where(awaitingApproval),
    db
      .select({ n: count() })
      .from(refunds)
      .where(and(awaitingApproval, sql`${refunds.requestedBy} is distinct from ${userId}`)),
  ]);
  const inFlight = awaitingStatuses
    .map((status) => ({
      status,
      count: open.counts.filter((cell) => cell.status === status).reduce((sum, cell) => sum + cell.count, 0),
    }))
    .filter((cell) => cell.count > 0);
  return {
    inFlight,
    ages: open.ages,
    followUp,
    needsAttention,
    overdue,
    approvals: { total: allApprovals?.n ?? 0, forMe: forMe?.n ?? 0 },
  };
}

/** Webhook deliveries we refused (bad signature, unreadable body) in the hour before `now`. */
export async function refusedWebhooksInLastHour(db: DbOrTx, now: Date): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(webhookReceipts)
    .where(
      and(
        eq(webhookReceipts.outcome, "rejected"),
        gte(webhookReceipts.receivedAt, new Date(now.getTime() - 3_600_000)),
      ),
    );
  return row?.n ?? 0;
}
