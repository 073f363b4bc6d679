import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { parseOctoTime } from "./time";

/**
 * OCTO refund statuses. succeeded / pending / failed are documented for /refund; new, canceled,
 * unknown and error appear in its status list. "unknown" and anything new keep our refund unknown.
 */
export function fromOctoRefundStatus(status: string): RefundStatus {
  switch (status) {
    case "succeeded":
      return "approved";
    case "pending":
    case "new":
      return "pending";
    case "failed":
    case "canceled":
    case "error":
      return "declined";
    default:
      return "unknown";
  }
}

/** When OCTO says the refund happened (its refund_time); the providers' clock when it gives none we can read. */
export async function octoRefundTimeOf(
  answer: { refundTime: string | null },
  clock: { providerNow: () => Promise<Date> },
): Promise<Date> {
  return (answer.refundTime ? parseOctoTime(answer.refundTime) : null) ?? clock.providerNow();
}
