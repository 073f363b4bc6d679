import { z } from "zod";
import { AmountPrecisionError } from "@/lib/platform/money/currency";
import { getDoc, putDoc } from "../core/store";
import type { SandboxRequest } from "../core/types";
import { octoPaymentDocs, transferMinor, type SimulatedPayment } from "./documents";
import { dataFormatError, octoFailure, octoSuccess, wrongPaymentState } from "./envelope";
import { enqueueOctoCallback } from "./notify";
import { octoAmountSchema, parseOctoRequest } from "./request";
import { octoDecimal, parseOctoAmount } from "./wire/amounts";
import { octoError } from "./wire/error-codes";
import { octoLocalTime } from "./wire/time";

const setAcceptSchema = z.object({
  octo_payment_UUID: z.string().min(1),
  accept_status: z.enum(["capture", "cancel"]),
  final_amount: octoAmountSchema.optional(),
});

function acceptData(payment: SimulatedPayment) {
  return {
    shop_transaction_id: payment.shopTransactionId,
    octo_payment_UUID: payment.uuid,
    status: payment.status,
    octo_pay_url: payment.payUrl,
    transfer_sum: octoDecimal(transferMinor(payment), payment.currency),
    refunded_sum: octoDecimal(payment.refundedMinor, payment.currency),
    total_sum: octoDecimal(payment.totalMinor, payment.currency),
    payed_time: payment.payedTime,
  };
}

/**
 * POST /set_accept: the shop's decision on a two-stage hold, only from waiting_for_capture.
 * capture with final_amount ≤ held amount takes that much (total_sum becomes final_amount, the
 * rest is released); without final_amount it takes the whole hold. cancel releases it all.
 */
export async function setAccept(request: SandboxRequest): Promise<Response> {
  const parsed = parseOctoRequest(request.bodyText, setAcceptSchema);
  if (!parsed.ok) return parsed.response;
  const { octo_payment_UUID: uuid, accept_status: acceptStatus, final_amount: finalAmount } = parsed.body;

  return request.db.transaction(async (tx) => {
    const doc = await getDoc<SimulatedPayment>(tx, octoPaymentDocs, uuid, { forUpdate: true });
    if (!doc) return wrongPaymentState("Payment not found");
    if (doc.data.status !== "waiting_for_capture")
      return wrongPaymentState(`Payment is ${doc.data.status}, not waiting_for_capture`);
    const held = BigInt(doc.data.heldMinor ?? doc.data.totalMinor);
    const payment: SimulatedPayment = { ...doc.data };
    if (acceptStatus === "cancel") payment.status = "canceled";
    else {
      let captured = held;
      if (finalAmount !== undefined) {
        try {
          captured = parseOctoAmount(finalAmount, payment.currency);
        } catch (error) {
          if (error instanceof AmountPrecisionError)
            return dataFormatError(`final_amount in ${payment.currency} has at most 2 decimals`);
          throw error;
        }
      }
      // [OURS] error 4: OCTO publishes no code for a final_amount above the hold.
      if (captured <= 0n || captured > held) return octoFailure(octoError.wrongFinalAmount, "Wrong final amount.");
      payment.status = "succeeded";
      payment.totalMinor = captured.toString();
      payment.payedTime = octoLocalTime(request.now);
    }
    await putDoc(tx, octoPaymentDocs, uuid, payment, request.now);
    await enqueueOctoCallback(tx, payment, `payment.${payment.status}`, request.now);
    return octoSuccess(acceptData(payment));
  });
}
