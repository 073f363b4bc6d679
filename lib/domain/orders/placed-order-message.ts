import type { OrderStatus } from "./order-status";

export const replayedOrderMessage =
  "This quote was already confirmed; showing its order. Nothing new was ordered or debited.";

/** What the merchant is told right after confirming: one true sentence per outcome, never "placed" when we do not know. */
export function placedOrderMessage(
  kind: "placed" | "replay",
  order: { status: OrderStatus; failureReason: string | null; isUserFixable: boolean | null },
): string {
  if (kind === "replay") return replayedOrderMessage;
  switch (order.status) {
    case "delivered":
      return "Order placed and delivered.";
    case "partially_delivered":
      return "Order placed, but only part of it was delivered; the rest is refunded to the wallet.";
    case "pending":
    case "placing":
      return "Order placed; Octopus Cards is still delivering it, and the order page updates when it is done.";
    case "unknown":
      return "We could not tell whether Octopus Cards placed this order, so the amount stays reserved while we check. Do not order it again.";
    case "failed": {
      const reason = order.failureReason ? `: ${order.failureReason.replace(/\.$/, "")}` : "";
      const fix = order.isUserFixable
        ? " You can fix this and retry from the order page."
        : order.isUserFixable === false
          ? " This is not something you can fix by editing the order."
          : "";
      return `Octopus Cards refused this order${reason}. The amount reserved for it was released to the wallet.${fix}`;
    }
    case "cancelled":
      return "Octopus Cards cancelled this order; the amount goes back to the wallet.";
  }
}
