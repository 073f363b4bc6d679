import { randomUUID } from "node:crypto";
import { z } from "zod";
import { AmountPrecisionError } from "@/lib/platform/money/currency";
import { DuplicateDocumentError, findDocByLookup, insertDoc } from "../core/store";
import type { SandboxRequest } from "../core/types";
import { dataFormatError, octoSuccess, wrongPaymentState } from "./envelope";
import { octoPaymentDocs, paymentData, type SimulatedPayment } from "./documents";
import { octoAmountSchema, parseOctoRequest } from "./request";
import { parseOctoAmount } from "./wire/amounts";
import { octoCurrencies } from "./wire/currencies";

const octoTimePattern = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

const lookupSchema = z.object({ shop_transaction_id: z.string().min(1).max(255) });

const createSchema = lookupSchema.extend({
  // The new docs say one-stage is the default; the old doc says two-stage. We follow the new docs.
  auto_capture: z.boolean().default(true),
  test: z.boolean().default(false),
  init_time: z.string().regex(octoTimePattern, "expected yyyy-MM-dd HH:mm:ss"),
  user_data: z
    .object({ user_id: z.string().optional(), phone: z.string().optional(), email: z.string().optional() })
    .optional(),
  total_sum: octoAmountSchema,
  currency: z.enum(octoCurrencies),
  description: z.string().min(1).max(1000),
  basket: z
    .array(
      z
        .object({
          position_desc: z.string().min(1),
          count: z.number().int().positive(),
          price: octoAmountSchema,
          spic: z.string().optional(),
        })
        .loose(),
    )
    .optional(),
  payment_methods: z.array(z.object({ method: z.string().min(1) })).optional(),
  tsp_id: z.number().int().optional(),
  return_url: z.url().optional(),
  notify_url: z.url().optional(),
  language: z.enum(["oz", "uz", "en", "ru"]).optional(),
  ttl: z.number().int().positive().optional(),
});

/** Fields whose absence marks the documented three-field status check (§2.4) rather than a creation. */
const creationFields = ["total_sum", "currency", "description", "init_time"];

/**
 * POST /prepare_payment. OCTO identifies a payment by shop_transaction_id alone: the first call
 * fixes every parameter, and any later call (the three-field status check included) returns
 * the payment's current state whatever its other fields say.
 */
export async function preparePayment(request: SandboxRequest): Promise<Response> {
  const lookup = parseOctoRequest(request.bodyText, lookupSchema);
  if (!lookup.ok) return lookup.response;
  const existing = await findDocByLookup<SimulatedPayment>(
    request.db,
    octoPaymentDocs,
    lookup.body.shop_transaction_id,
  );
  if (existing) return octoSuccess(paymentData(existing.data));
  // [OURS] A status check for a payment OCTO never saw: error 3 rather than "missing fields".
  if (!creationFields.some((field) => field in lookup.raw)) return wrongPaymentState("Payment not found");

  const parsed = parseOctoRequest(request.bodyText, createSchema);
  if (!parsed.ok) return parsed.response;
  const body = parsed.body;
  let totalMinor: bigint;
  try {
    totalMinor = parseOctoAmount(body.total_sum, body.currency);
    for (const item of body.basket ?? []) parseOctoAmount(item.price, body.currency);
  } catch (error) {
    if (error instanceof AmountPrecisionError)
      return dataFormatError(`amounts in ${body.currency} have at most 2 decimals`);
    throw error;
  }
  if (totalMinor <= 0n) return dataFormatError("total_sum must be positive");

  const uuid = randomUUID();
  const payment: SimulatedPayment = {
    uuid,
    shopTransactionId: body.shop_transaction_id,
    status: "created",
    autoCapture: body.auto_capture,
    test: body.test,
    currency: body.currency,
    totalMinor: totalMinor.toString(),
    heldMinor: null,
    refundedMinor: "0",
    description: body.description,
    payUrl: `${request.baseUrl}/pay/${uuid}`,
    returnUrl: body.return_url ?? null,
    notifyUrl: body.notify_url ?? null,
    language: body.language ?? null,
    ttlMinutes: body.ttl ?? null,
    initTime: body.init_time,
    userData: body.user_data
      ? Object.fromEntries(
          Object.entries(body.user_data).filter((entry): entry is [string, string] => entry[1] !== undefined),
        )
      : null,
    basket: body.basket ?? null,
    payedTime: null,
    card: null,
  };
  try {
    await insertDoc(request.db, octoPaymentDocs, {
      id: uuid,
      data: payment,
      lookupKey: payment.shopTransactionId,
      now: request.now,
    });
    return octoSuccess(paymentData(payment));
  } catch (error) {
    if (!(error instanceof DuplicateDocumentError)) throw error;
    // A concurrent call with the same shop_transaction_id won the race: answer with its payment.
    const winner = await findDocByLookup<SimulatedPayment>(request.db, octoPaymentDocs, payment.shopTransactionId);
    if (!winner) throw error;
    return octoSuccess(paymentData(winner.data));
  }
}
