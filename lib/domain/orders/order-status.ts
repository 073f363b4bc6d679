import type { orderStatuses, orderVerticals } from "@/drizzle/schema/orders";

export type OrderStatus = (typeof orderStatuses)[number];
export type OrderVertical = (typeof orderVerticals)[number];

/** The order lifecycle; anything not listed is ignored (late or contradictory provider facts). */
export const orderTransitions: Record<OrderStatus, readonly OrderStatus[]> = {
  placing: ["unknown", "pending", "delivered", "partially_delivered", "failed", "cancelled"],
  unknown: ["pending", "delivered", "partially_delivered", "failed", "cancelled"],
  pending: ["delivered", "partially_delivered", "failed", "cancelled"],
  delivered: [],
  partially_delivered: [],
  failed: [],
  cancelled: [],
};

export const canTransitionOrder = (from: OrderStatus, to: OrderStatus) => orderTransitions[from].includes(to);
export const isFinalOrderStatus = (status: OrderStatus) => orderTransitions[status].length === 0;

/** Octopus Cards order statuses (vouchers, topups, eSIM) in our model. */
export function fromProviderOrderStatus(status: string): OrderStatus | null {
  switch (status) {
    case "PENDING":
    case "PROCESSING":
      return "pending";
    case "DELIVERED":
    case "RECHARGED":
      return "delivered";
    case "PARTIALLY_DELIVERED":
      return "partially_delivered";
    case "FAILED":
      return "failed";
    case "CANCELLED":
      return "cancelled";
    default:
      return null;
  }
}

export const orderStatusLabels: Record<OrderStatus, string> = {
  placing: "Placing",
  unknown: "Unknown",
  pending: "Pending",
  delivered: "Delivered",
  partially_delivered: "Partially delivered",
  failed: "Failed",
  cancelled: "Cancelled",
};

/** Our vertical names ↔ the client's. */
export const clientVerticalOf = { voucher: "vouchers", topup: "topups", esim: "esim" } as const satisfies Record<
  OrderVertical,
  string
>;
