import { z } from "zod";
import type { DbOrTx } from "@/lib/platform/db/types";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import type { TopupProduct } from "./catalogue/topups";
import { timings } from "./constants";
import { toMajor } from "./money";
import {
  getStoredOrder,
  listStoredOrders,
  placeOrder,
  refundOrder,
  scheduleSettlement,
  type Ctx,
  type StoredOrder,
} from "./orders";
import { setNotificationEmail } from "./notification-email";
import { paginatedResponse, perPagePaging } from "./pagination";
import { quoteForWallet } from "./quote";
import { amountSchema, clientReferenceSchema, numericId, parseBody } from "./request";
import { notFound, validationFailure } from "./responses";
import { loadTopupProduct, selectTopupVariant, topupCategorySchema } from "./topup-products";
import { failureFields, noFailure, type FailureCode, type Trigger } from "./triggers";

export type TopupStatus = "PENDING" | "DELIVERED" | "FAILED" | "CANCELLED" | "RECHARGED";

/** providers.md §3.8 order object; amount/currency = what the wallet paid; requested_* = face value [OURS]. */
export interface TopupOrderWire {
  id: number;
  client_reference: string | null;
  product_id: number;
  product_name: string;
  variant_id: number;
  variant_name: string;
  category: string;
  country_code: string;
  amount: number;
  currency: string;
  requested_amount: number;
  requested_currency: string;
  wallet_id: number;
  input_data: Record<string, string>;
  status: TopupStatus;
  status_text: string;
  transaction_id: number;
  failure_code: FailureCode | null;
  failure_reason: string | null;
  is_user_fixable: boolean | null;
  notification_email: string | null;
  created_at: string;
  completed_at: string | null;
}

const orderNotFound = () => notFound("Order not found");

const createSchema = z.object({
  product_id: z.number().int().positive(),
  amount: amountSchema,
  input_data: z.record(z.string(), z.string()),
  client_reference: clientReferenceSchema,
  wallet_id: z.number().int().positive().optional(),
  category: topupCategorySchema.optional(),
});

/** [DOC] extra input_data keys are rejected; missing required keys are a validation error. */
function validateInputData(product: TopupProduct, input: Record<string, string>): void {
  const known = new Set(product.input_fields.map((f) => f.name));
  const extra = Object.keys(input).filter((key) => !known.has(key));
  if (extra.length) throw validationFailure(`input_data has unknown fields: ${extra.join(", ")}`);
  for (const field of product.input_fields) {
    const value = input[field.name];
    if (value === undefined || value === "") {
      if (field.required) throw validationFailure(`input_data.${field.name} is required`);
    } else if (field.pattern && !new RegExp(field.pattern).test(value)) {
      throw validationFailure(`input_data.${field.name} is not valid`);
    }
  }
}

function settleDelayMs(trigger: Trigger): number {
  if (trigger.kind === "pending") return timings.pendingMs;
  if (trigger.kind === "slow") return timings.slowMs;
  if (trigger.kind === "fail") return timings.failMs;
  return timings.topupMs;
}

export async function createTopupOrder(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, createSchema);
  const product = loadTopupProduct(body.product_id);
  const variant = selectTopupVariant(product, body.amount, body.category);
  validateInputData(product, body.input_data);
  const { wallet, quote } = await quoteForWallet(request.db, {
    walletId: body.wallet_id,
    productCurrency: product.currency_code,
    unitAmount: body.amount,
    quantity: 1,
    discountPercent: product.discount,
  });
  const stored = await placeOrder<TopupOrderWire>(request, {
    vertical: "topup",
    clientReference: body.client_reference,
    walletId: wallet.id,
    quote,
    build: ({ orderId, transactionId }) => ({
      id: orderId,
      client_reference: body.client_reference ?? null,
      product_id: product.id,
      product_name: product.name,
      variant_id: variant.id,
      variant_name: variant.name,
      category: variant.category,
      country_code: product.country_code,
      amount: toMajor(quote.payableMinor, wallet.currency_code),
      currency: wallet.currency_code,
      requested_amount: body.amount,
      requested_currency: product.currency_code,
      wallet_id: wallet.id,
      input_data: body.input_data,
      status: "PENDING",
      status_text: "Top-up processing",
      transaction_id: transactionId,
      ...noFailure,
      notification_email: null,
      created_at: request.now.toISOString(),
      completed_at: null,
    }),
    afterCreate: async (tx, created, orderId, ctx) => {
      await scheduleSettlement(tx, "topup", orderId, new Date(ctx.now.getTime() + settleDelayMs(created.sim.trigger)));
      return created;
    },
  });
  return jsonResponse(201, stored.order);
}

/** PENDING → DELIVERED, or FAILED with the trigger's code and an automatic refund. */
export async function settleTopupOrder(
  tx: DbOrTx,
  stored: StoredOrder<TopupOrderWire>,
  ctx: Ctx,
): Promise<StoredOrder<TopupOrderWire>> {
  const { trigger } = stored.sim;
  const completed_at = ctx.now.toISOString();
  if (trigger.kind === "fail") {
    const refunded = await refundOrder(tx, stored, stored.order.id, stored.sim.debitMinor, ctx);
    return {
      ...refunded,
      order: {
        ...stored.order,
        status: "FAILED",
        status_text: "Top-up failed",
        ...failureFields(trigger.code),
        completed_at,
      },
    };
  }
  return {
    order: { ...stored.order, status: "DELIVERED", status_text: "Top-up delivered", completed_at },
    sim: { ...stored.sim, deliveredAt: completed_at },
  };
}

export async function listTopupOrders(request: SandboxRequest): Promise<Response> {
  const status = request.query.get("status");
  const orders = (await listStoredOrders<TopupOrderWire>(request, "topup")).map((o) => o.order);
  return paginatedResponse(
    request,
    orders.filter((o) => !status || o.status === status),
    perPagePaging,
  );
}

export async function getTopupOrder(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const stored = await getStoredOrder<TopupOrderWire>(request.db, "topup", numericId(params.id, orderNotFound));
  if (!stored) throw orderNotFound();
  return jsonResponse(200, stored.order);
}

export function setTopupNotificationEmail(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  return setNotificationEmail<TopupOrderWire>(request, params, "topup", (order) => order);
}
