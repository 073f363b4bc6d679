import { z } from "zod";
import type { DbOrTx } from "@/lib/platform/db/types";
import { getDoc, putDoc } from "../core/store";
import type { ScheduledEventHandler } from "../core/types";
import { octoPaymentDocs, octoRefundDocs, type SimulatedPayment, type SimulatedRefund } from "./documents";
import { enqueueOctoCallback } from "./notify";
import { expireHold, holdExpiryEvent } from "./payment-transitions";
import { refundSettleEvent } from "./refund";

const holdExpiryPayload = z.object({ paymentUuid: z.string() });
const refundSettlePayload = z.object({ refundId: z.string(), outcome: z.enum(["succeeded", "failed"]) });

/** Settles a pending refund; a failed one gives its amount back to the refundable balance. */
async function settleRefund(tx: DbOrTx, refundId: string, outcome: "succeeded" | "failed", now: Date): Promise<void> {
  const refundDoc = await getDoc<SimulatedRefund>(tx, octoRefundDocs, refundId, { forUpdate: true });
  if (!refundDoc || refundDoc.data.status !== "pending") return;
  const paymentDoc = await getDoc<SimulatedPayment>(tx, octoPaymentDocs, refundDoc.data.paymentUuid, {
    forUpdate: true,
  });
  if (!paymentDoc) return;
  await putDoc(tx, octoRefundDocs, refundId, { ...refundDoc.data, status: outcome }, now);
  const payment: SimulatedPayment =
    outcome === "failed"
      ? {
          ...paymentDoc.data,
          refundedMinor: (BigInt(paymentDoc.data.refundedMinor) - BigInt(refundDoc.data.amountMinor)).toString(),
        }
      : paymentDoc.data;
  if (payment !== paymentDoc.data) await putDoc(tx, octoPaymentDocs, payment.uuid, payment, now);
  await enqueueOctoCallback(tx, payment, `refund.${outcome}`, now);
}

export const octoEvents: Record<string, ScheduledEventHandler> = {
  [holdExpiryEvent]: async (tx, payload, ctx) => expireHold(tx, holdExpiryPayload.parse(payload).paymentUuid, ctx.now),
  [refundSettleEvent]: async (tx, payload, ctx) => {
    const { refundId, outcome } = refundSettlePayload.parse(payload);
    await settleRefund(tx, refundId, outcome, ctx.now);
  },
};
