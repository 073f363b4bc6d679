import type { DbOrTx } from "@/lib/platform/db/types";
import { scheduleEvent } from "../core/events";
import { getDoc, insertDoc, putDoc } from "../core/store";
import { newCheckoutId, newOctopusToken } from "./ids";
import { paymentsDoc, type PaymentLifecycle, type SimPayment } from "./model";
import { emitPaymentEvent, type CheckoutEventType } from "./webhook-events";

/** [OURS] An Octopus payment the customer never approves expires after 15 minutes of sandbox time. */
export const paymentExpiryMs = 15 * 60_000;

export type NewPaymentInput = Pick<
  SimPayment,
  | "amount"
  | "currency"
  | "reference"
  | "description"
  | "metadata"
  | "customer"
  | "processingChannelId"
  | "successUrl"
  | "failureUrl"
  | "setupId"
>;

interface Ctx {
  now: Date;
  appUrl: string;
}

/** Creates a Pending Octopus payment, schedules its expiry and sends payment_pending. */
export async function createOctopusPayment(
  db: DbOrTx,
  input: NewPaymentInput,
  ctx: Ctx & { baseUrl: string },
): Promise<SimPayment> {
  const now = ctx.now.toISOString();
  const payment: SimPayment = {
    ...input,
    id: newCheckoutId("pay"),
    token: newOctopusToken(),
    baseUrl: ctx.baseUrl,
    paymentType: "Regular",
    lifecycle: "pending",
    requestedOn: now,
    processedOn: now,
    expiresOn: new Date(ctx.now.getTime() + paymentExpiryMs).toISOString(),
    actions: [],
    refunds: [],
  };
  await insertDoc(db, paymentsDoc, { id: payment.id, lookupKey: payment.token, data: payment, now: ctx.now });
  await scheduleEvent(db, {
    provider: "checkout",
    kind: "payment.expire",
    dueAt: new Date(payment.expiresOn),
    payload: { paymentId: payment.id },
  });
  await emitPaymentEvent(db, payment, "payment_pending", {}, ctx);
  return payment;
}

export type CustomerDecision = "approve" | "decline" | "cancel" | "expire";

const outcomes: Record<
  Exclude<CustomerDecision, "approve">,
  { lifecycle: PaymentLifecycle; event: CheckoutEventType; code: string; summary: string }
> = {
  decline: { lifecycle: "declined", event: "payment_declined", code: "20001", summary: "Refer to card issuer" },
  cancel: { lifecycle: "canceled", event: "payment_canceled", code: "20017", summary: "Customer cancellation" },
  expire: { lifecycle: "expired", event: "payment_expired", code: "20019", summary: "Transaction expired" },
};

/**
 * Applies what the customer did in the Octopus app (or the 15-minute timeout). Only a Pending
 * payment moves; a final one is returned unchanged. Call inside a transaction.
 */
export async function applyCustomerDecision(
  db: DbOrTx,
  paymentId: string,
  decision: CustomerDecision,
  ctx: Ctx,
): Promise<SimPayment | null> {
  const doc = await getDoc<SimPayment>(db, paymentsDoc, paymentId, { forUpdate: true });
  if (!doc) return null;
  const payment = doc.data;
  if (payment.lifecycle !== "pending") return payment;
  const now = ctx.now.toISOString();
  payment.processedOn = now;
  if (decision === "approve") {
    payment.lifecycle = "captured";
    const approved = {
      amount: payment.amount,
      approved: true,
      responseCode: "10000",
      responseSummary: "Approved",
      processedOn: now,
    };
    const authorization = {
      ...approved,
      id: newCheckoutId("act"),
      type: "Authorization" as const,
      reference: payment.reference,
    };
    // One millisecond later, so "latest first" ordering is stable.
    const capture = {
      ...approved,
      id: newCheckoutId("act"),
      type: "Capture" as const,
      processedOn: new Date(ctx.now.getTime() + 1).toISOString(),
    };
    payment.actions.push(authorization, capture);
    await putDoc(db, paymentsDoc, payment.id, payment, ctx.now);
    await emitPaymentEvent(db, payment, "payment_capture_pending", { actionId: capture.id }, ctx);
    await emitPaymentEvent(
      db,
      payment,
      "payment_captured",
      { actionId: capture.id, responseCode: "10000", responseSummary: "Approved", withBalances: true },
      ctx,
    );
    return payment;
  }
  const outcome = outcomes[decision];
  payment.lifecycle = outcome.lifecycle;
  const action = {
    id: newCheckoutId("act"),
    type: "Authorization" as const,
    processedOn: now,
    amount: payment.amount,
    approved: false,
    responseCode: outcome.code,
    responseSummary: outcome.summary,
    reference: payment.reference,
  };
  payment.actions.push(action);
  await putDoc(db, paymentsDoc, payment.id, payment, ctx.now);
  await emitPaymentEvent(
    db,
    payment,
    outcome.event,
    { actionId: action.id, responseCode: outcome.code, responseSummary: outcome.summary },
    ctx,
  );
  return payment;
}
