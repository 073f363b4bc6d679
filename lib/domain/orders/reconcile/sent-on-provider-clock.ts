import type { OrderRow } from "@/lib/domain/orders/transition-order";

/** Where placeOrder keeps, in orders.details, when it sent the order by the provider's clock. */
export const sentOnProviderClockKey = "sentOnProviderClockAt";

/**
 * When the order was sent, by the provider's clock: kept at placing in sandbox mode (the sandbox
 * clock may have been moved forward before the order was placed), else its creation time.
 */
export function sentOnProviderClockAt(order: Pick<OrderRow, "details" | "createdAt">): Date {
  const kept = order.details[sentOnProviderClockKey];
  const at = typeof kept === "string" ? new Date(kept) : null;
  return at && !Number.isNaN(at.getTime()) ? at : order.createdAt;
}
