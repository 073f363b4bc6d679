"use client";

import { LiveStatus } from "@/components/ui/live-status";
import type { OrderStatusSummary } from "@/lib/domain/orders/order-detail";
import { orderStatusQuery } from "@/lib/app/query/orders";
import { OrderStatusBadge } from "./order-status-badge";

/**
 * The order's status, kept live while it is not final (the route handler asks the provider on
 * its schedule); a change re-renders the page so the timeline and refund follow.
 */
export function LiveOrderStatus({ rendered }: { rendered: OrderStatusSummary }) {
  return (
    <LiveStatus
      rendered={rendered}
      query={orderStatusQuery(rendered.id)}
      label="Order status"
      testId="live-order-status"
      badge={(status) => <OrderStatusBadge status={status} />}
    />
  );
}
