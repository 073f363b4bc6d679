import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AmountPrecisionError } from "@/lib/platform/money/currency";
import { scheduleEvent } from "../core/events";
import { DuplicateDocumentError, findDocByLookup, getDoc, insertDoc, putDoc } from "../core/store";
import type { SandboxRequest } from "../core/types";
import {
  octoPaymentDocs,
  octoRefundDocs,
  type SimulatedPayment,
  type SimulatedRefund,
  type SimulatedRefundStatus,
} from "./documents";
import { dataFormatError, octoSuccess, wrongPaymentState, wrongRefundAmount } from "./envelope";
import { enqueueOctoCallback } from "./notify";
import { refuseOctoRefund } from "./refund-rules";
import { octoAmountSchema, parseOctoRequest } from "./request";
import { parseOctoAmount } from "./wire/amounts";
import { octoLocalTime } from "./wire/time";

const refundSchema = z.object({
  shop_refund_id: z.string().min(1).max(255),
  octo_payment_UUID: z.string().min(1),
  amount: octoAmountSchema,
  supplier_shop_id: z.union([z.number(), z.string()]).optional(),
});

export const refundSettleEvent = "refund_settle";
/** [OURS] How long a triggered refund stays pending, in sandbox time. */
export const octoPendingRefundMs = 10_000;

/** [OURS] Sandbox triggers on the amount's last two minor digits: 77 → pending then succeeded, 99 → pending then failed. */
export function refundOutcomeFor(amountMinor: bigint): {
  initial: SimulatedRefundStatus;
  final: SimulatedRefundStatus;
} {
  const lastDigits = amountMinor % 100n;
  if (lastDigits === 77n) return { initial: "pending", final: "succeeded" };
  if (lastDigits === 99n) return { initial: "pending", final: "failed" };
  return { initial: "succeeded", final: "succeeded" };
}

const refundData = (refund: SimulatedRefund) => ({
  octo_payment_UUID: refund.paymentUuid,
  refund_id: refund.refundId,
  refund_time: refund.refundTime,
  status: refund.status,
});

/**
 * POST /refund. [OURS] A repeated shop_refund_id is an idempotent replay: error 0 with the
 * original refund and its CURRENT status, even if the amount or payment differ. That replay is
 * also how a client reconciles a pending refund or one whose answer it never received.
 * Otherwise the payment row is locked, OCTO's refund rules run, and the refund, the new
 * refunded_sum and a notify callback are written in one transaction.
 */
export async function refund(request: SandboxRequest): Promise<Response> {
  const parsed = parseOctoRequest(request.bodyText, refundSchema);
  if (!parsed.ok) return parsed.response;
  const { shop_refund_id: shopRefundId, octo_payment_UUID: paymentUuid, amount } = parsed.body;

  const replay = async () => {
    const existing = await findDocByLookup<SimulatedRefund>(request.db, octoRefundDocs, shopRefundId);
    return existing ? octoSuccess(refundData(existing.data)) : null;
  };
  const replayed = await replay();
  if (replayed) return replayed;

  try {
    return await request.db.transaction(async (tx) => {
      const doc = await getDoc<SimulatedPayment>(tx, octoPaymentDocs, paymentUuid, { forUpdate: true });
      // [OURS] error 3 for an unknown payment or one that is not succeeded.
      if (!doc) return wrongPaymentState("Payment not found");
      const payment = doc.data;
      let amountMinor: bigint;
      try {
        amountMinor = parseOctoAmount(amount, payment.currency);
      } catch (error) {
        if (error instanceof AmountPrecisionError)
          return dataFormatError(`amount in ${payment.currency} has at most 2 decimals`);
        throw error;
      }
      const refusal = refuseOctoRefund({
        status: payment.status,
        currency: payment.currency,
        totalMinor: BigInt(payment.totalMinor),
        refundedMinor: BigInt(payment.refundedMinor),
        amountMinor,
      });
      if (refusal === "payment-not-succeeded")
        return wrongPaymentState(`Payment is ${payment.status}, only succeeded payments can be refunded`);
      if (refusal === "wrong-amount") return wrongRefundAmount();

      const outcome = refundOutcomeFor(amountMinor);
      const created: SimulatedRefund = {
        refundId: randomUUID(),
        shopRefundId,
        paymentUuid,
        amountMinor: amountMinor.toString(),
        status: outcome.initial,
        refundTime: octoLocalTime(request.now),
      };
      await insertDoc(tx, octoRefundDocs, {
        id: created.refundId,
        data: created,
        lookupKey: shopRefundId,
        groupKey: paymentUuid,
        now: request.now,
      });
      const updated: SimulatedPayment = {
        ...payment,
        refundedMinor: (BigInt(payment.refundedMinor) + amountMinor).toString(),
      };
      await putDoc(tx, octoPaymentDocs, paymentUuid, updated, request.now);
      await enqueueOctoCallback(tx, updated, `refund.${created.status}`, request.now);
      if (outcome.initial === "pending") {
        const dueAt = new Date(request.now.getTime() + octoPendingRefundMs);
        await scheduleEvent(tx, {
          provider: "octo",
          kind: refundSettleEvent,
          dueAt,
          payload: { refundId: created.refundId, outcome: outcome.final },
        });
      }
      return octoSuccess(refundData(created));
    });
  } catch (error) {
    // The same shop_refund_id committed concurrently: answer as the replay would.
    if (!(error instanceof DuplicateDocumentError)) throw error;
    const replayedAfterRace = await replay();
    if (!replayedAfterRace) throw error;
    return replayedAfterRace;
  }
}
