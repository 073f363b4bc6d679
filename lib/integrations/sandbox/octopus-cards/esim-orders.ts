import { z } from "zod";
import type { DbOrTx } from "@/lib/platform/db/types";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { timings } from "./constants";
import {
  esimDetailWire,
  esimListWire,
  mockEsimCredentials,
  refreshInstallState,
  type EsimOrderWire,
} from "./esim-state";
import { loadEsimProduct, selectEsimVariant } from "./esim-products";
import { toMajor } from "./money";
import {
  getStoredOrder,
  listStoredOrders,
  placeOrder,
  refundOrder,
  saveStoredOrder,
  scheduleSettlement,
  type Ctx,
  type StoredOrder,
} from "./orders";
import { setNotificationEmail } from "./notification-email";
import { paginatedResponse, perPagePaging } from "./pagination";
import { quoteForWallet } from "./quote";
import { amountSchema, clientReferenceSchema, numericId, parseBody } from "./request";
import { notFound } from "./responses";
import { failureFields, noFailure } from "./triggers";

type StoredEsimOrder = StoredOrder<EsimOrderWire>;

const orderNotFound = () => notFound("Order not found");

const createSchema = z.object({
  product_id: z.number().int().positive(),
  amount: amountSchema,
  quantity: z.number().int().positive().optional(),
  client_reference: clientReferenceSchema,
  wallet_id: z.number().int().positive().optional(),
});

function deliver(stored: StoredEsimOrder, ctx: Ctx): StoredEsimOrder {
  return {
    order: { ...stored.order, status: "DELIVERED", ...mockEsimCredentials() },
    sim: { ...stored.sim, deliveredAt: ctx.now.toISOString() },
  };
}

/** [DOC] always HTTP 200: DELIVERED inline, FAILED synchronously (refunded), or PENDING past the deadline. */
export async function createEsimOrder(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, createSchema);
  const product = loadEsimProduct(body.product_id);
  const variant = selectEsimVariant(product, body.amount);
  // [DOC] quantity is always coerced to 1
  const { wallet, quote } = await quoteForWallet(request.db, {
    walletId: body.wallet_id,
    productCurrency: product.currency_code,
    unitAmount: body.amount,
    quantity: 1,
    discountPercent: product.discount,
  });
  const stored = await placeOrder<EsimOrderWire>(request, {
    vertical: "esim",
    clientReference: body.client_reference,
    walletId: wallet.id,
    quote,
    build: ({ orderId, transactionId }) => ({
      id: orderId,
      client_reference: body.client_reference ?? null,
      status: "PENDING",
      product_id: product.id,
      product_name: product.name,
      variant_id: variant.id,
      country_code: product.country_code,
      data_amount_gb: variant.data_amount_gb,
      validity_days: variant.validity_days,
      amount: toMajor(quote.payableMinor, wallet.currency_code),
      currency: wallet.currency_code,
      requested_amount: body.amount,
      requested_currency: product.currency_code,
      wallet_id: wallet.id,
      activation_code: null,
      iccid: null,
      activation_status: "NOT_INSTALLED",
      is_installed: false,
      installed_at: null,
      activated_at: null,
      expires_at: null,
      transaction_id: transactionId,
      ...noFailure,
      notification_email: null,
      created_at: request.now.toISOString(),
    }),
    afterCreate: async (tx, created, orderId, ctx) => {
      const { trigger } = created.sim;
      if (trigger.kind === "fail") {
        const refunded = await refundOrder(tx, created, orderId, created.sim.debitMinor, ctx);
        return { ...refunded, order: { ...created.order, status: "FAILED", ...failureFields(trigger.code) } };
      }
      if (trigger.kind === "pending" || trigger.kind === "slow") {
        const delay = trigger.kind === "pending" ? timings.esimPendingMs : timings.slowMs;
        await scheduleSettlement(tx, "esim", orderId, new Date(ctx.now.getTime() + delay));
        return created;
      }
      return deliver(created, ctx);
    },
  });
  return jsonResponse(200, esimDetailWire(stored.order));
}

export async function settleEsimOrder(_tx: DbOrTx, stored: StoredEsimOrder, ctx: Ctx): Promise<StoredEsimOrder> {
  return deliver(stored, ctx);
}

export async function listEsimOrders(request: SandboxRequest): Promise<Response> {
  const status = request.query.get("status");
  const orders = (await listStoredOrders<EsimOrderWire>(request, "esim")).map((o) => o.order);
  return paginatedResponse(
    request,
    orders.filter((o) => !status || o.status === status).map(esimListWire),
    perPagePaging,
  );
}

/** Detail refreshes the install state on every call (and persists it). */
export async function getEsimOrder(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const orderId = numericId(params.id, orderNotFound);
  const order = await request.db.transaction(async (tx) => {
    const stored = await getStoredOrder<EsimOrderWire>(tx, "esim", orderId, true);
    if (!stored) throw orderNotFound();
    const refreshed = refreshInstallState(stored.order, stored.sim.deliveredAt, request.now);
    if (refreshed !== stored.order)
      await saveStoredOrder(tx, "esim", orderId, { ...stored, order: refreshed }, request.now);
    return refreshed;
  });
  return jsonResponse(200, esimDetailWire(order));
}

export function setEsimNotificationEmail(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  return setNotificationEmail<EsimOrderWire>(request, params, "esim", esimDetailWire);
}
