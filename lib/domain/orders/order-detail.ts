import { asc, eq } from "drizzle-orm";
import { z } from "zod";
import { orderEvents, orders, walletMovements } from "@/drizzle/schema/orders";
import type { DbOrTx } from "@/lib/platform/db/types";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { isCurrencyCode } from "@/lib/platform/money/currency";
import { withParams } from "@/lib/platform/url/search-params";
import { isFinalOrderStatus, type OrderStatus } from "./order-status";
import { inputFieldPrefix } from "./place-order-input";
import type { OrderRow } from "./transition-order";

export const parseOrderId = (id: string): string | null => (z.uuid().safeParse(id).success ? id.toLowerCase() : null);

export async function getOrderDetail(db: DbOrTx, id: string) {
  const [order] = await db.select().from(orders).where(eq(orders.id, id));
  if (!order) return null;
  const [events, movements, retries] = await Promise.all([
    db.select().from(orderEvents).where(eq(orderEvents.orderId, id)).orderBy(asc(orderEvents.id)),
    db.select().from(walletMovements).where(eq(walletMovements.orderId, id)).orderBy(asc(walletMovements.id)),
    db
      .select({ id: orders.id, status: orders.status, createdAt: orders.createdAt })
      .from(orders)
      .where(eq(orders.retryOf, id))
      .orderBy(asc(orders.createdAt)),
  ]);
  return { order, events, movements, retries };
}

/** What the live view polls: small, JSON-safe. */
export interface OrderStatusSummary {
  id: string;
  status: OrderStatus;
  providerStatus: string | null;
  isFinal: boolean;
  updatedAt: string;
  createdAt: string;
}

export function orderStatusSummary(order: OrderRow): OrderStatusSummary {
  return {
    id: order.id,
    status: order.status,
    providerStatus: order.providerStatus,
    isFinal: isFinalOrderStatus(order.status),
    updatedAt: order.updatedAt.toISOString(),
    createdAt: order.createdAt.toISOString(),
  };
}

/** "Edit and retry": the quote step pre-filled with this order's choices; the quote mints a new client_reference. */
export function retryHref(order: OrderRow): string {
  const details = order.details as { inputData?: Record<string, unknown>; email?: unknown };
  const inputs = Object.fromEntries(
    Object.entries(details.inputData ?? {}).map(([k, v]) => [
      `${inputFieldPrefix}${k}`,
      typeof v === "string" ? v : undefined,
    ]),
  );
  return withParams("/orders/new/quote", {
    vertical: order.vertical,
    productId: String(order.productId),
    variantId: order.variantId === null ? undefined : String(order.variantId),
    amount: isCurrencyCode(order.faceValueCurrency)
      ? minorToMajorString(order.faceValueMinor, order.faceValueCurrency)
      : undefined,
    quantity: String(order.quantity),
    walletId: String(order.walletId),
    email: typeof details.email === "string" ? details.email : undefined,
    ...inputs,
    retryOf: order.id,
  });
}
