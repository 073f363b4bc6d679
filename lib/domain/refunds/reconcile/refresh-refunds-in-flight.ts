import { and, eq, inArray } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import { formatMinor } from "@/lib/platform/money/convert";
import { refundStatusLabels, type RefundStatus } from "../refund-status";
import type { RefundDeps } from "../send-refund";
import { checkRefund } from "./check-refund";
import { leaseRefund } from "./lease-due-refunds";
import { log } from "@/lib/platform/log/logger";

/** Refunds the provider may still move: sent, not yet decided (or waiting for a person). */
const inFlightStatuses = [
  "requested",
  "pending",
  "unknown",
  "needs_attention",
] as const satisfies readonly RefundStatus[];

/** What asking the provider about one refund did. */
export type RefundRefresh =
  | {
      refundId: string;
      amount: string;
      kind: "checked";
      from: RefundStatus;
      status: RefundStatus;
      failure: string | null;
    }
  | { refundId: string; amount: string; kind: "busy" }
  | { refundId: string; amount: string; kind: "error"; error: string };

/**
 * A provider callback about a payment is a sign its refunds may have moved: each refund of the
 * payment still in flight is asked about at once through the reconciler's own check (lease, ask
 * outside any transaction, record through the state machine), instead of waiting for the next
 * poll. A refund another check holds right now is left to it.
 */
export async function refreshRefundsInFlight(deps: RefundDeps, paymentId: string, now: Date): Promise<RefundRefresh[]> {
  const inFlight = await deps.db
    .select({ id: refunds.id, amountMinor: refunds.amountMinor, currency: refunds.currency })
    .from(refunds)
    .where(and(eq(refunds.paymentId, paymentId), inArray(refunds.status, inFlightStatuses)))
    .orderBy(refunds.createdAt, refunds.id);
  const results: RefundRefresh[] = [];
  for (const refund of inFlight) {
    const amount = formatMinor(refund.amountMinor, refund.currency);
    if (!(await leaseRefund(deps.db, refund.id, now))) {
      results.push({ refundId: refund.id, amount, kind: "busy" });
      continue;
    }
    try {
      const checked = await checkRefund(deps, refund.id, { now, source: "provider_webhook" });
      results.push({
        refundId: refund.id,
        amount,
        kind: "checked",
        from: checked.from,
        status: checked.status,
        failure: checked.failure,
      });
    } catch (error) {
      log.error({ refundId: refund.id, err: error }, "refund check after a provider callback failed");
      await deps.db.update(refunds).set({ leaseUntil: null }).where(eq(refunds.id, refund.id));
      results.push({
        refundId: refund.id,
        amount,
        kind: "error",
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return results;
}

const label = (status: RefundStatus) => refundStatusLabels[status].toLowerCase();

/** One clause per refund for the callback's receipt and the payment timeline, e.g. "refund of UZS 1,000.77 moved from pending to approved". */
export function describeRefundRefreshes(results: readonly RefundRefresh[]): string | null {
  if (results.length === 0) return null;
  return results
    .map((result) => {
      const which = `refund of ${result.amount}`;
      switch (result.kind) {
        case "checked":
          if (result.failure) return `${which} could not be checked (${result.failure}); the reconciler will ask again`;
          return result.from === result.status
            ? `${which} still ${label(result.status)}`
            : `${which} moved from ${label(result.from)} to ${label(result.status)}`;
        case "busy":
          return `${which} is being checked by another process right now`;
        case "error":
          return `${which} could not be checked; the reconciler will ask again`;
      }
    })
    .join("; ");
}
