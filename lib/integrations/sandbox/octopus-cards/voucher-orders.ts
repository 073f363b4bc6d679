import { z } from "zod";
import type { DbOrTx } from "@/lib/platform/db/types";
import { jsonResponse } from "../core/http";
import type { SandboxRequest } from "../core/types";
import { timings, voucherSyncMaxQuantity } from "./constants";
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
import { limitPaging, paginatedResponse } from "./pagination";
import { quoteForWallet } from "./quote";
import { amountSchema, clientReferenceSchema, numericId, parseBody } from "./request";
import { notFound } from "./responses";
import { failureFields, noFailure, type FailureCode, type Trigger } from "./triggers";
import { mockVoucherCodes, type VoucherCode } from "./voucher-codes";
import { denominationDiscount, loadVoucherProduct, maxVoucherQuantity } from "./voucher-products";

import { emitWebhook } from "./webhooks";

export type VoucherStatus = "PENDING" | "DELIVERED" | "PARTIALLY_DELIVERED" | "FAILED" | "CANCELLED";

/** The order object of providers.md §3.7 plus [OURS] deduction_amount, transaction_id, failure and time fields. */
export interface VoucherOrderWire {
  id: number;
  product_id: number;
  product_name: string;
  denomination: number;
  quantity: number;
  amount: number;
  discount: number;
  client_reference: string | null;
  wallet_id: number;
  status: VoucherStatus;
  base_currency: string;
  deduction_currency: string;
  deduction_amount: number;
  message: string;
  email: string | null;
  vouchers: VoucherCode[];
  transaction_id: number;
  failure_code: FailureCode | null;
  failure_reason: string | null;
  is_user_fixable: boolean | null;
  created_at: string;
  updated_at: string;
}

type StoredVoucherOrder = StoredOrder<VoucherOrderWire>;

const orderNotFound = () => notFound("Order not found");

const createSchema = z.object({
  product_id: z.number().int().positive(),
  denomination: amountSchema.min(0.01).max(1e9),
  quantity: z.number().int().min(1).max(maxVoucherQuantity),
  wallet_id: z.number().int().positive().optional(),
  client_reference: clientReferenceSchema,
  email: z.email().max(254).optional(),
});

/** When a PENDING order settles, by trigger (sandbox time after creation). */
function settleDelayMs(trigger: Trigger): number {
  if (trigger.kind === "pending") return timings.pendingMs;
  if (trigger.kind === "slow") return timings.slowMs;
  if (trigger.kind === "none") return timings.voucherAsyncMs;
  return timings.failMs;
}

export async function createVoucherOrder(request: SandboxRequest): Promise<Response> {
  const body = parseBody(request, createSchema);
  const product = loadVoucherProduct(body.product_id);
  const discount = denominationDiscount(product, body.denomination);
  const { wallet, quote } = await quoteForWallet(request.db, {
    walletId: body.wallet_id,
    productCurrency: product.currency_code,
    unitAmount: body.denomination,
    quantity: body.quantity,
    discountPercent: discount,
  });
  const stored = await placeOrder<VoucherOrderWire>(request, {
    vertical: "voucher",
    clientReference: body.client_reference,
    walletId: wallet.id,
    quote,
    build: ({ orderId, transactionId }) => ({
      id: orderId,
      product_id: product.id,
      product_name: product.name,
      denomination: body.denomination,
      quantity: body.quantity,
      amount: toMajor(quote.nonDiscountedMinor, product.currency_code),
      discount: toMajor(quote.discountMinor, product.currency_code),
      client_reference: body.client_reference ?? null,
      wallet_id: wallet.id,
      status: "PENDING",
      base_currency: product.currency_code,
      deduction_currency: wallet.currency_code,
      deduction_amount: toMajor(quote.payableMinor, wallet.currency_code),
      message: "Order is being processed",
      email: body.email ?? null,
      vouchers: [],
      transaction_id: transactionId,
      ...noFailure,
      created_at: request.now.toISOString(),
      updated_at: request.now.toISOString(),
    }),
    afterCreate: async (tx, created, orderId, ctx) => {
      const sync = created.sim.trigger.kind === "none" && body.quantity <= voucherSyncMaxQuantity;
      if (sync) return deliver(tx, created, ctx);
      await scheduleSettlement(
        tx,
        "voucher",
        orderId,
        new Date(ctx.now.getTime() + settleDelayMs(created.sim.trigger)),
      );
      return created;
    },
  });
  return jsonResponse(201, stored.order);
}

async function deliver(tx: DbOrTx, stored: StoredVoucherOrder, ctx: Ctx): Promise<StoredVoucherOrder> {
  const order = stored.order;
  const next: StoredVoucherOrder = {
    order: {
      ...order,
      status: "DELIVERED",
      message: "Order delivered",
      vouchers: mockVoucherCodes(order.product_name, order.quantity, ctx.now),
      updated_at: ctx.now.toISOString(),
    },
    sim: { ...stored.sim, deliveredAt: ctx.now.toISOString() },
  };
  await emitWebhook(tx, "order.delivered", next.order, ctx);
  return next;
}

/** Runs when a PENDING voucher order's time is up: deliver, fail, cancel or partially deliver (by trigger). */
export async function settleVoucherOrder(
  tx: DbOrTx,
  stored: StoredVoucherOrder,
  ctx: Ctx,
): Promise<StoredVoucherOrder> {
  const { trigger } = stored.sim;
  const order = stored.order;
  const stamp = { updated_at: ctx.now.toISOString() };
  if (trigger.kind === "fail") {
    const refunded = await refundOrder(tx, stored, order.id, stored.sim.debitMinor, ctx);
    const next = {
      ...refunded,
      order: {
        ...order,
        status: "FAILED" as const,
        message: "Order failed and was refunded",
        ...failureFields(trigger.code),
        ...stamp,
      },
    };
    await emitWebhook(tx, "order.failed", next.order, ctx);
    return next;
  }
  if (trigger.kind === "cancel") {
    const refunded = await refundOrder(tx, stored, order.id, stored.sim.debitMinor, ctx);
    const next = {
      ...refunded,
      order: { ...order, status: "CANCELLED" as const, message: "Order cancelled and refunded", ...stamp },
    };
    await emitWebhook(tx, "order.cancelled", next.order, ctx);
    return next;
  }
  if (trigger.kind === "partial" && order.quantity > 1) {
    const delivered = Math.floor(order.quantity / 2);
    const keptMinor = Math.round((stored.sim.debitMinor * delivered) / order.quantity);
    const refunded = await refundOrder(tx, stored, order.id, stored.sim.debitMinor - keptMinor, ctx);
    const vouchers = mockVoucherCodes(order.product_name, delivered, ctx.now);
    const next: StoredVoucherOrder = {
      order: {
        ...order,
        status: "PARTIALLY_DELIVERED",
        message: `${delivered} of ${order.quantity} vouchers delivered; the rest was refunded`,
        vouchers,
        ...stamp,
      },
      sim: { ...refunded.sim, deliveredAt: ctx.now.toISOString() },
    };
    await emitWebhook(tx, "order.partially_delivered", next.order, ctx);
    return next;
  }
  return deliver(tx, stored, ctx);
}

export async function listVoucherOrders(request: SandboxRequest): Promise<Response> {
  const orders = await listStoredOrders<VoucherOrderWire>(request, "voucher");
  const status = request.query.get("status");
  const matching = orders.map((o) => o.order).filter((o) => !status || o.status === status);
  return paginatedResponse(request, matching, limitPaging);
}

export async function getVoucherOrder(request: SandboxRequest, params: Record<string, string>): Promise<Response> {
  const stored = await getStoredOrder<VoucherOrderWire>(request.db, "voucher", numericId(params.id, orderNotFound));
  if (!stored) throw orderNotFound();
  return jsonResponse(200, stored.order);
}
