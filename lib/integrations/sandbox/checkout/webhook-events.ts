import type { DbOrTx } from "@/lib/platform/db/types";
import { sandboxCredentials } from "../credentials";
import { enqueueWebhook } from "../core/webhooks";
import { newCheckoutId } from "./ids";
import { balancesOf, paymentUrl, type SimPayment } from "./model";
import { ckoSignature } from "./webhook-signature";

export type CheckoutEventType =
  | "payment_pending"
  | "payment_capture_pending"
  | "payment_captured"
  | "payment_declined"
  | "payment_canceled"
  | "payment_expired"
  | "payment_refund_pending"
  | "payment_refunded"
  | "payment_refund_declined";

/** Envelope version the docs' examples show. */
export const webhookVersion = "1.0.29";

/** Delivered 1 + 8 times at most: 5m, 10m, 15m, 30m, 1h, 4h, 12h, 12h after each failure [DOC workflows]. */
export const checkoutWebhookRetryDelaysMs = [5, 10, 15, 30, 60, 240, 720, 720].map((minutes) => minutes * 60_000);

export interface EventDetails {
  actionId?: string;
  amount?: number;
  reference?: string;
  responseCode?: string;
  responseSummary?: string;
  withBalances?: boolean;
  metadata?: Record<string, unknown>;
}

/**
 * Queues one signed webhook (Cko-Signature = hex HMAC-SHA256 of the exact body) to the
 * dashboard's receiver. Call inside the transaction that made the change it reports.
 */
export async function emitPaymentEvent(
  db: DbOrTx,
  payment: SimPayment,
  type: CheckoutEventType,
  details: EventDetails,
  ctx: { now: Date; appUrl: string },
): Promise<string> {
  const eventId = newCheckoutId("evt");
  const self = paymentUrl(payment);
  const reference = details.reference ?? payment.reference;
  const metadata = details.metadata ?? payment.metadata;
  const data = {
    id: payment.id,
    ...(details.actionId && { action_id: details.actionId }),
    amount: details.amount ?? payment.amount,
    currency: payment.currency,
    ...(reference !== undefined && { reference }),
    processed_on: ctx.now.toISOString(),
    ...(details.responseCode && { response_code: details.responseCode, response_summary: details.responseSummary }),
    ...(details.withBalances && { balances: balancesOf(payment) }),
    ...(metadata && { metadata }),
    source: { type: "octopus" },
    event_links: { payment: self, payment_actions: `${self}/actions` },
  };
  const body = JSON.stringify({
    id: eventId,
    type,
    version: webhookVersion,
    created_on: ctx.now.toISOString(),
    data,
    _links: {
      self: { href: `${payment.baseUrl}/workflows/events/${eventId}` },
      subject: { href: `${payment.baseUrl}/workflows/events/subject/${payment.id}` },
      payment: { href: self },
      payment_actions: { href: `${self}/actions` },
    },
  });
  await enqueueWebhook(
    db,
    {
      provider: "checkout",
      eventId,
      eventType: type,
      url: `${ctx.appUrl}/api/webhooks/checkout`,
      headers: { "cko-signature": ckoSignature(body, sandboxCredentials.checkout.webhookSecret) },
      body,
    },
    ctx.now,
  );
  return eventId;
}
