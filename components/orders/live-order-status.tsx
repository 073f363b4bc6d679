"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { OrderStatusSummary } from "@/lib/orders/order-detail";
import { orderStatusQuery } from "@/lib/query/orders";
import { isRefusal } from "@/lib/query/payments";
import { OrderStatusBadge } from "./order-status-badge";

/**
 * The order's status, kept live while it is not final (the route handler asks the provider on
 * its schedule); a change re-renders the page so the timeline and refund follow.
 */
export function LiveOrderStatus({ rendered }: { rendered: OrderStatusSummary }) {
  const router = useRouter();
  const { data, error } = useQuery({ ...orderStatusQuery(rendered.id), initialData: rendered });

  useEffect(() => {
    if (data.status !== rendered.status || data.updatedAt !== rendered.updatedAt) router.refresh();
  }, [data.status, data.updatedAt, rendered.status, rendered.updatedAt, router]);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span role="status" aria-live="polite" aria-label="Order status" data-testid="live-order-status">
        <OrderStatusBadge status={data.status} />
      </span>
      {data.providerStatus ? <span className="font-mono text-xs text-zinc-500">provider: {data.providerStatus}</span> : null}
      {!data.isFinal && !error ? <span className="text-xs text-zinc-500">Updating live</span> : null}
      {error ? (
        <span className="text-xs text-red-600 dark:text-red-400">
          {isRefusal(error) ? "Live updates stopped" : "Live update failed, trying again"}: {error.message}
        </span>
      ) : null}
    </div>
  );
}
