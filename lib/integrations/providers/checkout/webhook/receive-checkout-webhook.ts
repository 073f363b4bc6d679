import type { Database } from "@/lib/platform/db/types";
import { applyProviderStatus, type ApplyOutcome } from "@/lib/domain/payments/apply-provider-status";
import { fromCheckoutEvent } from "@/lib/domain/payments/payment-status";
import {
  applyCheckoutRefundEvent,
  type RefundEventOutcome,
} from "@/lib/integrations/providers/checkout/apply-refund-event";
import { fromCheckoutRefundEvent } from "@/lib/integrations/providers/checkout/refund-mapper";
import { verifyCheckoutSignature } from "@/lib/integrations/providers/checkout/webhook-signature";
import {
  applyFirstDelivery,
  recordDuplicateReceipt,
  recordReceipt,
  recordRejectedReceipt,
  wasEventSeen,
  type SignatureVerdict,
  type WebhookOutcome,
} from "@/lib/domain/webhooks/receipts";
import { checkoutEventSchema } from "./checkout-event";

export interface CheckoutDelivery {
  rawBody: string;
  signatureHeader: string | null;
  /** Headers kept with the receipt (never cookies or authorization). */
  headers: Record<string, string>;
}

export interface ReceiveResult {
  httpStatus: number;
  outcome: WebhookOutcome;
  detail?: string;
}

const provider = "checkout";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The payment id we put in metadata when we made the request; anything else is not ours. */
function ourPaymentIdOf(metadata: Record<string, unknown> | undefined): string | undefined {
  const value = metadata?.payment_id;
  return typeof value === "string" && uuidPattern.test(value) ? value : undefined;
}

function outcomeOf(applied: ApplyOutcome): { outcome: WebhookOutcome; detail?: string } {
  switch (applied.kind) {
    case "created":
    case "advanced":
    case "unchanged":
      return { outcome: "applied" };
    case "out_of_order":
      return { outcome: "ignored_out_of_order", detail: `payment is already ${applied.current}` };
    case "unknown_payment":
      return { outcome: "ignored", detail: "unknown payment and the event carries no amount; import it by id" };
  }
}

function refundOutcomeOf(applied: RefundEventOutcome): { outcome: WebhookOutcome; detail?: string } {
  switch (applied.kind) {
    case "applied":
      return { outcome: "applied" };
    case "ignored_out_of_order":
      return { outcome: "ignored_out_of_order", detail: `refund is already ${applied.current}` };
    case "unknown_refund":
      return { outcome: "ignored", detail: applied.detail };
  }
}

/**
 * One Checkout.com webhook delivery. The signature is checked on the raw body (constant time)
 * before anything else; every delivery leaves a receipt; the first valid delivery of an event id
 * is applied in the same transaction as its receipt, later ones are recorded as duplicates, and
 * statuses only move forward. payment_refund_* events move our refund through its state machine.
 */
export async function receiveCheckoutWebhook(
  db: Database,
  delivery: CheckoutDelivery,
  signingKey: string,
  now = new Date(),
): Promise<ReceiveResult> {
  const base = { provider, rawBody: delivery.rawBody, headers: delivery.headers, receivedAt: now };
  const signature: SignatureVerdict = !delivery.signatureHeader
    ? "missing"
    : verifyCheckoutSignature(delivery.rawBody, delivery.signatureHeader, signingKey)
      ? "valid"
      : "invalid";
  if (signature !== "valid") {
    await recordRejectedReceipt(db, { ...base, signature }, `signature ${signature}`);
    return { httpStatus: 401, outcome: "rejected", detail: `signature ${signature}` };
  }

  let json: unknown;
  try {
    json = JSON.parse(delivery.rawBody);
  } catch {
    json = undefined;
  }
  const parsed = checkoutEventSchema.safeParse(json);
  if (!parsed.success) {
    const detail =
      json === undefined
        ? "body is not JSON"
        : `not a Checkout.com payment event: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`;
    await recordRejectedReceipt(db, { ...base, signature }, detail);
    return { httpStatus: 400, outcome: "rejected", detail };
  }
  const event = parsed.data;
  const eventBase = { ...base, eventId: event.id, eventType: event.type, signature };
  const recordDuplicate = async () => {
    await recordDuplicateReceipt(db, eventBase);
    return { httpStatus: 200, outcome: "duplicate" as const };
  };
  if (await wasEventSeen(db, provider, event.id)) return recordDuplicate();

  const status = fromCheckoutEvent(event.type);
  const isRefundEvent = fromCheckoutRefundEvent(event.type, event.data.response_code) !== null;
  const applyOnce = () =>
    db.transaction(async (tx) => {
      if (isRefundEvent) {
        const applied = await applyCheckoutRefundEvent(
          tx,
          {
            eventId: event.id,
            type: event.type,
            providerPaymentId: event.data.id,
            actionId: event.data.action_id,
            responseCode: event.data.response_code,
            responseSummary: event.data.response_summary,
            metadata: event.data.metadata,
            processedOn: typeof event.data.processed_on === "string" ? event.data.processed_on : undefined,
            createdOn: event.created_on,
          },
          now,
        );
        const { outcome, detail } = refundOutcomeOf(applied);
        await recordReceipt(tx, { ...eventBase, outcome, detail, isFirst: true, paymentId: applied.paymentId });
        return { httpStatus: 200, outcome, detail };
      }
      if (!status) {
        await recordReceipt(tx, {
          ...eventBase,
          outcome: "ignored",
          isFirst: true,
          detail: `${event.type} does not change a payment's status`,
        });
        return { httpStatus: 200, outcome: "ignored" as const };
      }
      const applied = await applyProviderStatus(
        tx,
        {
          provider,
          providerPaymentId: event.data.id,
          status,
          providerStatus: event.type,
          amountMinor: event.data.amount === undefined ? undefined : BigInt(event.data.amount),
          currency: event.data.currency,
          reference: event.data.reference,
          ourPaymentId: ourPaymentIdOf(event.data.metadata),
        },
        { source: "provider_webhook", at: now, detail: { eventId: event.id, eventType: event.type } },
      );
      const { outcome, detail } = outcomeOf(applied);
      await recordReceipt(tx, {
        ...eventBase,
        outcome,
        detail,
        isFirst: true,
        paymentId: "paymentId" in applied ? applied.paymentId : null,
      });
      return { httpStatus: 200, outcome, detail };
    });
  return applyFirstDelivery<ReceiveResult>(applyOnce, recordDuplicate);
}
