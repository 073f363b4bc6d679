import type { PaymentRow } from "@/lib/domain/payments/request/open-payment-request";
import { fromCheckoutRefundAction } from "./refund-mapper";
import { checkoutResendWindowMs } from "@/lib/domain/refunds/reconcile/check-schedule";
import {
  failureSaid,
  requestedAtOf,
  resendableRefundStatuses,
  type RefundVerdict,
} from "@/lib/domain/refunds/reconcile/refund-verdict";
import type { RefundDeps } from "@/lib/domain/refunds/send-refund";
import type { RefundFacts, RefundRow } from "@/lib/domain/refunds/transition-refund";
import type { RefundAnswer } from "../payment-provider";

const refundReference = (refund: RefundRow) => `RF-${refund.id}`;

function sendRefund(deps: RefundDeps, refund: RefundRow, providerPaymentId: string) {
  return deps.clients.checkout.refundPayment(
    providerPaymentId,
    { amountMinor: refund.amountMinor, reference: refundReference(refund), metadata: { refund_id: refund.id } },
    refund.idempotencyKey,
  );
}

/** POST /payments/{id}/refunds with the refund's Cko-Idempotency-Key: accepted means pending until the action is decided. */
export async function refundAtCheckout(
  deps: RefundDeps,
  refund: RefundRow,
  providerPaymentId: string,
): Promise<RefundAnswer> {
  const accepted = await sendRefund(deps, refund, providerPaymentId);
  return {
    to: "pending",
    facts: { providerRefundId: accepted.actionId, providerStatus: "accepted (202)" },
    detail: { actionId: accepted.actionId },
  };
}

async function resendCheckout(
  deps: RefundDeps,
  refund: RefundRow,
  payment: PaymentRow,
  providerPaymentId: string,
): Promise<RefundVerdict> {
  const requestedAt = await requestedAtOf(deps, refund);
  // The key's 24 hours pass on Checkout.com's clock (the sandbox clock in sandbox mode), not ours.
  if ((await deps.providerNow()).getTime() >= requestedAt.getTime() + checkoutResendWindowMs) {
    return {
      to: null,
      facts: {},
      kind: "polled",
      said: { actions: "no Refund action with our action id or reference", requestedAt: requestedAt.toISOString() },
      attention: `Checkout.com never confirmed this refund and shows no Refund action ${refundReference(refund)}; its idempotency key is too old to resend safely (24-hour window since ${requestedAt.toISOString()}). Check payment ${providerPaymentId} in the Checkout.com dashboard before refunding again.`,
    };
  }
  try {
    const accepted = await sendRefund(deps, refund, providerPaymentId);
    return {
      to: "pending",
      kind: "resent",
      facts: { providerRefundId: accepted.actionId, providerStatus: "accepted (202)" },
      said: { resentWithSameKey: true, actionId: accepted.actionId, paymentId: payment.id },
    };
  } catch (error) {
    const { failure, said, sentence } = failureSaid(error);
    // A definite refusal of the same request with the same key: nothing was refunded.
    if (failure.outcome === "rejected") {
      return {
        to: "failed",
        kind: "resent",
        facts: { providerStatus: failure.detail.code === undefined ? failure.message : String(failure.detail.code) },
        said: { resentWithSameKey: true, ...said },
      };
    }
    return { to: null, kind: "resent", facts: {}, said: { resentWithSameKey: true, ...said }, failure: sentence };
  }
}

/**
 * Checkout.com: the payment's actions list shows decided refunds (pending ones are not listed).
 * Ours is the action with our action id, or, when the refund call's answer was lost, the one
 * with our reference RF-<refund id>. Not there and never accepted: resend with the same key.
 */
export async function readCheckoutRefund(
  deps: RefundDeps,
  refund: RefundRow,
  payment: PaymentRow,
  providerPaymentId: string,
): Promise<RefundVerdict> {
  let actions;
  try {
    actions = (await deps.clients.checkout.getPaymentActions(providerPaymentId)).filter(
      (action) => action.type === "Refund",
    );
  } catch (error) {
    const { said, sentence } = failureSaid(error);
    return { to: null, kind: "polled", facts: {}, said, failure: sentence };
  }
  const reference = refundReference(refund);
  const withOurReference = actions.filter((a) => a.reference === reference);
  if (withOurReference.length > 1) {
    return {
      to: null,
      kind: "polled",
      facts: {},
      said: { actionIds: withOurReference.map((a) => a.id) },
      attention: `Checkout.com shows ${withOurReference.length} refund actions with this refund's reference ${reference} (${withOurReference.map((a) => a.id).join(", ")}): it may have been refunded twice.`,
    };
  }
  const ours = refund.providerRefundId ? actions.find((a) => a.id === refund.providerRefundId) : withOurReference[0];
  if (ours) {
    const said = {
      actionId: ours.id,
      approved: ours.approved,
      responseCode: ours.responseCode,
      responseSummary: ours.responseSummary,
      amountMinor: ours.amountMinor.toString(),
    };
    const facts: RefundFacts = {
      providerRefundId: ours.id,
      providerStatus: ours.approved === null ? "action pending" : ours.approved ? "action approved" : "action declined",
      providerResponseCode: ours.responseCode,
      providerResponseSummary: ours.responseSummary,
      providerDecidedAt: ours.processedOn,
    };
    if (ours.amountMinor !== refund.amountMinor) {
      return {
        to: null,
        kind: "polled",
        facts: {},
        said,
        attention: `Checkout.com's refund action ${ours.id} is for ${ours.amountMinor} minor units; ours is for ${refund.amountMinor}.`,
      };
    }
    return { to: fromCheckoutRefundAction(ours), kind: "polled", facts, said };
  }
  if (refund.providerRefundId) {
    return {
      to: null,
      kind: "polled",
      facts: {},
      said: { actionId: refund.providerRefundId, actions: "not decided yet (pending refunds are not listed)" },
    };
  }
  if (!resendableRefundStatuses.includes(refund.status)) {
    return { to: null, kind: "polled", facts: {}, said: { actions: `no Refund action with reference ${reference}` } };
  }
  return resendCheckout(deps, refund, payment, providerPaymentId);
}
