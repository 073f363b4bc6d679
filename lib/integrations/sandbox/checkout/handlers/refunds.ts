import { getDoc } from "../../core/store";
import type { SandboxRequest } from "../../core/types";
import { ckoEmpty, ckoJson, malformedRequest, validationError } from "../context";
import { newCheckoutId } from "../ids";
import { withIdempotency } from "../idempotency";
import { balancesOf, paymentUrl, paymentsDoc, type SimPayment, type SimRefund } from "../model";
import { isAcceptedRefundAmount, maxRefundsPerPayment } from "../refund-outcomes";
import { addPendingRefund } from "../refund-lifecycle";
import { errorCodesOf, readJsonObject, refundRequestSchema } from "../request-schemas";

type RefundResult =
  | { kind: "not_found" }
  | { kind: "not_allowed" }
  | { kind: "invalid"; codes: string[] }
  | { kind: "accepted"; body: unknown };

/**
 * POST /payments/{id}/refunds: 202 { action_id, reference, _links.payment } and the outcome later
 * by webhook, decided by the amount (see refund-outcomes.ts). The balance check and the pending
 * refund happen under the payment's row lock, so concurrent refunds cannot overdraw it.
 */
export async function refundPayment(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  return withIdempotency(request, async () => {
    const body = readJsonObject(request.bodyText);
    if (body.kind === "malformed") return malformedRequest(request);
    const parsed = refundRequestSchema.safeParse(body.value);
    const ctx = { now: request.now, appUrl: request.appUrl };

    const result = await request.db.transaction(async (tx): Promise<RefundResult> => {
      const doc = await getDoc<SimPayment>(tx, paymentsDoc, params.id ?? "", { forUpdate: true });
      if (!doc) return { kind: "not_found" };
      const payment = doc.data;
      if (payment.lifecycle !== "captured") return { kind: "not_allowed" };
      if (!parsed.success) return { kind: "invalid", codes: errorCodesOf(parsed.error) };
      const available = balancesOf(payment).available_to_refund;
      const amount = parsed.data.amount ?? available;
      if (parsed.data.amount !== undefined && !isAcceptedRefundAmount(amount))
        return { kind: "invalid", codes: ["amount_invalid"] };
      if (amount > available || amount <= 0) return { kind: "invalid", codes: ["refund_amount_exceeds_balance"] };
      if (payment.refunds.length >= maxRefundsPerPayment) return { kind: "invalid", codes: ["refund_limit_exceeded"] };
      const refund: SimRefund = {
        actionId: newCheckoutId("act"),
        amount,
        reference: parsed.data.reference,
        metadata: parsed.data.metadata,
        requestedOn: request.now.toISOString(),
        state: "pending",
      };
      await addPendingRefund(tx, payment, refund, ctx);
      return {
        kind: "accepted",
        body: {
          action_id: refund.actionId,
          ...(refund.reference !== undefined && { reference: refund.reference }),
          _links: { payment: { href: paymentUrl(payment) } },
        },
      };
    });

    switch (result.kind) {
      case "not_found":
        return ckoEmpty(request, 404);
      case "not_allowed":
        return ckoEmpty(request, 403);
      case "invalid":
        return validationError(request, result.codes);
      case "accepted":
        return ckoJson(request, 202, result.body);
    }
  });
}
