import { getDoc } from "../../core/store";
import type { SandboxRequest } from "../../core/types";
import { ckoEmpty, ckoJson, malformedRequest, validationError } from "../context";
import { withIdempotency } from "../idempotency";
import { paymentsDoc, type SimPayment } from "../model";
import { createOctopusPayment } from "../payment-lifecycle";
import { errorCodesOf, octopusPaymentRequestSchema, readJsonObject } from "../request-schemas";
import { defaultChannelOf } from "../keys";
import { acceptedPaymentBody, paymentActionsBody, paymentDetailsBody } from "../views";

/** POST /payments (source.type "octopus"): 202 Pending with the Octopus landing page, deep link and token. */
export async function requestPayment(request: SandboxRequest): Promise<Response> {
  return withIdempotency(request, async () => {
    const body = readJsonObject(request.bodyText);
    if (body.kind === "malformed") return malformedRequest(request);
    const parsed = octopusPaymentRequestSchema.safeParse(body.value);
    // Left out, the channel is the key's own when it has exactly one; otherwise it is required.
    const channel =
      body.value.processing_channel_id === undefined ? defaultChannelOf(request) : parsed.data?.processing_channel_id;
    const missingChannel =
      body.value.processing_channel_id === undefined && channel === undefined ? ["processing_channel_id_required"] : [];
    if (!parsed.success) return validationError(request, [...missingChannel, ...errorCodesOf(parsed.error)]);
    if (channel === undefined) return validationError(request, missingChannel);
    const input = parsed.data;
    const payment = await request.db.transaction((tx) =>
      createOctopusPayment(
        tx,
        {
          amount: input.amount,
          currency: input.currency,
          reference: input.reference,
          description: input.description,
          metadata: input.metadata,
          processingChannelId: channel,
          successUrl: input.success_url,
          failureUrl: input.failure_url,
        },
        { now: request.now, appUrl: request.appUrl, baseUrl: request.baseUrl },
      ),
    );
    return ckoJson(request, 202, acceptedPaymentBody(payment));
  });
}

export async function loadPayment(request: SandboxRequest, id: string): Promise<SimPayment | null> {
  const doc = await getDoc<SimPayment>(request.db, paymentsDoc, id);
  return doc?.data ?? null;
}

/** GET /payments/{id}: PaymentDetails, or 404 with no body. */
export async function getPayment(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const payment = await loadPayment(request, params.id ?? "");
  return payment ? ckoJson(request, 200, paymentDetailsBody(payment)) : ckoEmpty(request, 404);
}

/** GET /payments/{id}/actions: a top-level array, latest first. */
export async function getPaymentActions(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const payment = await loadPayment(request, params.id ?? "");
  return payment ? ckoJson(request, 200, paymentActionsBody(payment)) : ckoEmpty(request, 404);
}
