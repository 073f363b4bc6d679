import type { DbOrTx } from "@/lib/platform/db/types";
import { sandboxCredentials } from "../../credentials";
import { getDoc, insertDoc, putDoc } from "../../core/store";
import type { SandboxRequest } from "../../core/types";
import { ckoEmpty, ckoJson, malformedRequest, validationError } from "../context";
import { newCheckoutId } from "../ids";
import { withIdempotency } from "../idempotency";
import { paymentsDoc, setupsDoc, type SimPayment } from "../model";
import { createOctopusPayment } from "../payment-lifecycle";
import { errorCodesOf, paymentSetupRequestSchema, readJsonObject } from "../request-schemas";
import { octopusFlagsOf, paymentSetupBody, type SimSetup } from "../setup-model";
import { acceptedPaymentBody } from "../views";

async function latestPaymentOf(db: DbOrTx, setup: SimSetup): Promise<SimPayment | null> {
  if (!setup.latestPaymentId) return null;
  return (await getDoc<SimPayment>(db, paymentsDoc, setup.latestPaymentId))?.data ?? null;
}

/** Parses a create/update body into the setup's fields; a Response when it is invalid. */
function parseSetupBody(request: SandboxRequest): Partial<SimSetup> | Response {
  const body = readJsonObject(request.bodyText);
  if (body.kind === "malformed") return malformedRequest(request);
  const parsed = paymentSetupRequestSchema.safeParse(body.value);
  if (!parsed.success) return validationError(request, errorCodesOf(parsed.error));
  const input = parsed.data;
  const fields: Partial<SimSetup> = {
    processingChannelId: input.processing_channel_id,
    amount: input.amount,
    currency: input.currency,
    paymentType: input.payment_type,
    reference: input.reference,
    description: input.description,
    customer: input.customer,
    settings: input.settings,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

/** POST /payments/setups: 200 PaymentSetup. [OURS] processing_channel_id defaults to the account's channel. */
export async function createPaymentSetup(request: SandboxRequest): Promise<Response> {
  const fields = parseSetupBody(request);
  if (fields instanceof Response) return fields;
  const setup: SimSetup = {
    processingChannelId: sandboxCredentials.checkout.processingChannelId,
    paymentType: "Regular",
    ...fields,
    id: newCheckoutId("set"),
  };
  await insertDoc(request.db, setupsDoc, { id: setup.id, data: setup, now: request.now });
  return ckoJson(request, 200, paymentSetupBody(setup, null));
}

export async function getPaymentSetup(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const doc = await getDoc<SimSetup>(request.db, setupsDoc, params.id ?? "");
  if (!doc) return ckoEmpty(request, 404);
  return ckoJson(request, 200, paymentSetupBody(doc.data, await latestPaymentOf(request.db, doc.data)));
}

const isOpenOrPaid = (payment: SimPayment | null) =>
  payment !== null && (payment.lifecycle === "pending" || payment.lifecycle === "captured");

/** PUT /payments/setups/{id}: merges the given fields. [OURS] 422 once a payment is pending or paid. */
export async function updatePaymentSetup(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const fields = parseSetupBody(request);
  if (fields instanceof Response) return fields;
  return request.db.transaction(async (tx) => {
    const doc = await getDoc<SimSetup>(tx, setupsDoc, params.id ?? "", { forUpdate: true });
    if (!doc) return ckoEmpty(request, 404);
    const latest = await latestPaymentOf(tx, doc.data);
    if (isOpenOrPaid(latest)) return validationError(request, ["payment_setup_already_confirmed"]);
    const setup: SimSetup = { ...doc.data, ...fields, settings: { ...doc.data.settings, ...fields.settings } };
    await putDoc(tx, setupsDoc, setup.id, setup, request.now);
    return ckoJson(request, 200, paymentSetupBody(setup, latest));
  });
}

/**
 * POST /payments/setups/{id}/confirm/octopus (no body): creates the Octopus payment and answers
 * the payment-shaped 202 of the docs. [OURS] Confirming again while that payment is still Pending
 * returns the same payment; once it is paid, 422.
 */
export async function confirmPaymentSetup(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  if (params.method !== "octopus") return validationError(request, ["payment_method_not_supported"]);
  return withIdempotency(request, () =>
    request.db.transaction(async (tx) => {
      const doc = await getDoc<SimSetup>(tx, setupsDoc, params.id ?? "", { forUpdate: true });
      if (!doc) return ckoEmpty(request, 404);
      const setup = doc.data;
      const flags = octopusFlagsOf(setup);
      if (flags.length > 0) return validationError(request, flags);
      const latest = await latestPaymentOf(tx, setup);
      if (latest?.lifecycle === "pending") return ckoJson(request, 202, acceptedPaymentBody(latest));
      if (latest?.lifecycle === "captured") return validationError(request, ["payment_setup_already_completed"]);
      const payment = await createOctopusPayment(
        tx,
        {
          amount: setup.amount as number,
          currency: setup.currency as string,
          reference: setup.reference,
          description: setup.description,
          customer: { id: newCheckoutId("cus"), ...setup.customer },
          processingChannelId: setup.processingChannelId,
          successUrl: setup.settings?.success_url as string,
          failureUrl: setup.settings?.failure_url as string,
          setupId: setup.id,
        },
        { now: request.now, appUrl: request.appUrl, baseUrl: request.baseUrl },
      );
      await putDoc(tx, setupsDoc, setup.id, { ...setup, latestPaymentId: payment.id }, request.now);
      return ckoJson(request, 202, acceptedPaymentBody(payment));
    }),
  );
}
