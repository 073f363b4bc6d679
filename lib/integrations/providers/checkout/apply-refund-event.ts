import { and, eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import type { Transaction } from "@/lib/platform/db/types";
import { checkoutEventTimeOf, fromCheckoutRefundEvent } from "./refund-mapper";
import { transitionRefund, type RefundRow } from "@/lib/domain/refunds/transition-refund";

export interface CheckoutRefundEvent {
  eventId: string;
  type: string;
  providerPaymentId: string;
  actionId?: string;
  responseCode?: string;
  responseSummary?: string;
  metadata?: Record<string, unknown>;
  /** data.processed_on and the envelope's created_on (ISO 8601), on Checkout.com's clock. */
  processedOn?: string;
  createdOn?: string;
}

export type RefundEventOutcome =
  | { kind: "applied"; refundId: string; paymentId: string }
  | { kind: "ignored_out_of_order"; refundId: string; paymentId: string; current: string }
  | { kind: "unknown_refund"; paymentId: string | null; detail: string };

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ours by the action id the refund call returned, else by the refund id we sent in metadata (the call's answer may have been lost). */
async function findOurRefund(tx: Transaction, event: CheckoutRefundEvent): Promise<RefundRow | undefined> {
  if (event.actionId) {
    const [byAction] = await tx
      .select()
      .from(refunds)
      .where(and(eq(refunds.provider, "checkout"), eq(refunds.providerRefundId, event.actionId)));
    if (byAction) return byAction;
  }
  const refundId = event.metadata?.refund_id;
  if (typeof refundId !== "string" || !uuidPattern.test(refundId)) return undefined;
  const [byMetadata] = await tx
    .select({ refund: refunds })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(
      and(
        eq(refunds.id, refundId),
        eq(refunds.provider, "checkout"),
        eq(payments.providerPaymentId, event.providerPaymentId),
      ),
    );
  // Found by our id but the provider names another action for it: not this refund.
  if (
    !byMetadata ||
    (byMetadata.refund.providerRefundId && event.actionId && byMetadata.refund.providerRefundId !== event.actionId)
  )
    return undefined;
  return byMetadata.refund;
}

/**
 * A Checkout.com payment_refund_* webhook, inside the receipt's transaction: moved through the
 * refund state machine (source provider_webhook), the provider's raw status and response code
 * stored beside ours. A refund we did not issue (made in the provider's dashboard) changes nothing.
 */
export async function applyCheckoutRefundEvent(
  tx: Transaction,
  event: CheckoutRefundEvent,
  at: Date,
): Promise<RefundEventOutcome> {
  const to = fromCheckoutRefundEvent(event.type, event.responseCode);
  if (!to) throw new Error(`${event.type} is not a refund event`);
  const refund = await findOurRefund(tx, event);
  if (!refund) {
    const [payment] = await tx
      .select({ id: payments.id })
      .from(payments)
      .where(and(eq(payments.provider, "checkout"), eq(payments.providerPaymentId, event.providerPaymentId)));
    return {
      kind: "unknown_refund",
      paymentId: payment?.id ?? null,
      detail: `refund ${event.actionId ?? "(no action id)"} of ${event.providerPaymentId} was not issued from this dashboard; nothing changed`,
    };
  }
  const settled = to !== "pending";
  const outcome = await transitionRefund(
    tx,
    refund.id,
    to,
    {
      ...(event.actionId && { providerRefundId: event.actionId }),
      providerStatus: event.type,
      ...(event.responseCode !== undefined && { providerResponseCode: event.responseCode }),
      ...(event.responseSummary !== undefined && { providerResponseSummary: event.responseSummary }),
      // Decided: nothing left to poll (an approved Octopus refund's expiry also arrives by webhook).
      ...(settled && { nextCheckAt: null }),
      // Checkout.com's envelope always carries created_on (the sandbox's on its own clock); receipt time is only a last resort.
      providerDecidedAt: checkoutEventTimeOf(event) ?? at,
    },
    {
      source: "provider_webhook",
      kind: "webhook",
      at,
      detail: {
        eventId: event.eventId,
        eventType: event.type,
        actionId: event.actionId ?? null,
        responseCode: event.responseCode ?? null,
        responseSummary: event.responseSummary ?? null,
      },
    },
  );
  if (outcome.kind === "ignored")
    return { kind: "ignored_out_of_order", refundId: refund.id, paymentId: refund.paymentId, current: outcome.current };
  return { kind: "applied", refundId: refund.id, paymentId: refund.paymentId };
}
