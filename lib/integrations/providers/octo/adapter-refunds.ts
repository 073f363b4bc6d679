import { fromOctoRefundStatus, octoRefundTimeOf } from "./refund-mapper";
import {
  failureSaid,
  resendableRefundStatuses,
  type RefundVerdict,
} from "@/lib/domain/refunds/reconcile/refund-verdict";
import type { RefundDeps } from "@/lib/domain/refunds/send-refund";
import type { RefundRow } from "@/lib/domain/refunds/transition-refund";
import type { RefundAnswer } from "../payment-provider";
import { isOctoCurrency } from "./currencies";

/** The refund call with the refund's stored key as shop_refund_id: a replay returns that refund's current state. */
function sendRefund(deps: RefundDeps, refund: RefundRow, providerPaymentId: string) {
  if (!isOctoCurrency(refund.currency)) throw new Error(`OCTO does not refund ${refund.currency}`);
  return deps.clients.octo.refund({
    shopRefundId: refund.idempotencyKey,
    octoPaymentUuid: providerPaymentId,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
  });
}

export async function refundAtOcto(
  deps: RefundDeps,
  refund: RefundRow,
  providerPaymentId: string,
): Promise<RefundAnswer> {
  const answer = await sendRefund(deps, refund, providerPaymentId);
  return {
    to: fromOctoRefundStatus(answer.status),
    facts: {
      providerRefundId: answer.refundId,
      providerStatus: answer.status,
      providerDecidedAt: await octoRefundTimeOf(answer, deps),
    },
    detail: { refundId: answer.refundId, status: answer.status },
  };
}

/** OCTO: the refund call with the same shop_refund_id returns that refund's current state (providers.md §2.6). */
export async function readOctoRefund(
  deps: RefundDeps,
  refund: RefundRow,
  providerPaymentId: string,
): Promise<RefundVerdict> {
  if (!isOctoCurrency(refund.currency)) throw new Error(`OCTO does not refund ${refund.currency}`);
  try {
    const answer = await sendRefund(deps, refund, providerPaymentId);
    const said = { refundId: answer.refundId, status: answer.status, refundTime: answer.refundTime };
    if (refund.providerRefundId && answer.refundId !== refund.providerRefundId) {
      return {
        to: null,
        kind: "polled",
        facts: {},
        said,
        attention: `OCTO answered with refund ${answer.refundId} for our shop_refund_id; it first said ${refund.providerRefundId}.`,
      };
    }
    const to = fromOctoRefundStatus(answer.status);
    return {
      to: to === "unknown" ? null : to,
      kind: "polled",
      facts: {
        providerRefundId: answer.refundId,
        providerStatus: answer.status,
        providerDecidedAt: await octoRefundTimeOf(answer, deps),
      },
      said,
    };
  } catch (error) {
    const { failure, said, sentence } = failureSaid(error);
    if (failure.outcome !== "rejected") return { to: null, kind: "polled", facts: {}, said, failure: sentence };
    const providerStatus = failure.detail.code === undefined ? failure.message : String(failure.detail.code);
    // Never accepted: a refusal of the same shop_refund_id means nothing was refunded.
    if (resendableRefundStatuses.includes(refund.status))
      return { to: "failed", kind: "polled", facts: { providerStatus }, said };
    return {
      to: null,
      kind: "polled",
      facts: {},
      said,
      attention: `OCTO refused to report on a refund it had accepted (${failure.message}).`,
    };
  }
}
