import type { DbOrTx } from "@/lib/platform/db/types";
import { scheduleEvent } from "../core/events";
import type { ScheduledEventContext } from "../core/types";
import { getDoc, putDoc } from "../core/store";
import { paymentsDoc, type SimPayment, type SimRefund } from "./model";
import {
  refundCollectionWindowMs,
  refundDecisionDelayMs,
  refundDecisions,
  refundTriggerOf,
  uncollectedExpiryDecision,
  type RefundDecision,
} from "./refund-outcomes";
import { emitPaymentEvent } from "./webhook-events";

/** Adds a pending refund to a locked payment, schedules its decision and sends payment_refund_pending. */
export async function addPendingRefund(
  db: DbOrTx,
  payment: SimPayment,
  refund: SimRefund,
  ctx: ScheduledEventContext,
): Promise<void> {
  payment.refunds.push(refund);
  await putDoc(db, paymentsDoc, payment.id, payment, ctx.now);
  await scheduleEvent(db, {
    provider: "checkout",
    kind: "refund.decide",
    dueAt: new Date(ctx.now.getTime() + refundDecisionDelayMs),
    payload: { paymentId: payment.id, actionId: refund.actionId },
  });
  await emitPaymentEvent(
    db,
    payment,
    "payment_refund_pending",
    {
      actionId: refund.actionId,
      amount: refund.amount,
      reference: refund.reference,
      metadata: refund.metadata,
      withBalances: true,
    },
    ctx,
  );
}

async function lockRefund(db: DbOrTx, payload: Record<string, unknown>) {
  const doc = await getDoc<SimPayment>(db, paymentsDoc, String(payload.paymentId), { forUpdate: true });
  const refund = doc?.data.refunds.find((r) => r.actionId === payload.actionId);
  return doc && refund ? { payment: doc.data, refund } : null;
}

async function record(
  db: DbOrTx,
  payment: SimPayment,
  refund: SimRefund,
  decision: RefundDecision,
  ctx: ScheduledEventContext,
) {
  refund.state = decision.approved ? "approved" : "declined";
  refund.processedOn = ctx.now.toISOString();
  refund.responseCode = decision.responseCode;
  refund.responseSummary = decision.responseSummary;
  await putDoc(db, paymentsDoc, payment.id, payment, ctx.now);
  await emitPaymentEvent(
    db,
    payment,
    decision.approved ? "payment_refunded" : "payment_refund_declined",
    {
      actionId: refund.actionId,
      amount: refund.amount,
      reference: refund.reference,
      metadata: refund.metadata,
      responseCode: decision.responseCode,
      responseSummary: decision.responseSummary,
      withBalances: true,
    },
    ctx,
  );
}

/** Scheduled 5 s after the request: Octopus approves or declines by the trigger amount. */
export async function decideRefund(
  db: DbOrTx,
  payload: Record<string, unknown>,
  ctx: ScheduledEventContext,
): Promise<void> {
  const found = await lockRefund(db, payload);
  if (!found || found.refund.state !== "pending") return;
  const trigger = refundTriggerOf(found.refund.amount);
  await record(db, found.payment, found.refund, refundDecisions[trigger], ctx);
  if (trigger === "expire_uncollected") {
    await scheduleEvent(db, {
      provider: "checkout",
      kind: "refund.expire_uncollected",
      dueAt: new Date(ctx.now.getTime() + refundCollectionWindowMs),
      payload: { paymentId: found.payment.id, actionId: found.refund.actionId },
    });
  }
}

/** 90 days after approval, an uncollected Octopus-card refund expires and its amount is refundable again. */
export async function expireUncollectedRefund(
  db: DbOrTx,
  payload: Record<string, unknown>,
  ctx: ScheduledEventContext,
): Promise<void> {
  const found = await lockRefund(db, payload);
  if (!found || found.refund.state !== "approved") return;
  await record(db, found.payment, found.refund, uncollectedExpiryDecision, ctx);
}
