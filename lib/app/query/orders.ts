import { queryOptions } from "@tanstack/react-query";
import type { OrderStatusSummary } from "@/lib/domain/orders/order-detail";
import { livePollIntervalMs } from "@/lib/domain/orders/poll-schedule";
import { fetchJson, isRefusal } from "./fetch-json";

export const orderKeys = {
  all: ["orders"] as const,
  status: (orderId: string) => ["orders", orderId, "status"] as const,
};

function fetchOrderStatus(orderId: string, signal: AbortSignal): Promise<OrderStatusSummary> {
  return fetchJson(`/api/orders/${encodeURIComponent(orderId)}`, signal, "The status could not be loaded");
}

/** Polled on the provider's schedule (5 s for a minute, then 30 s, up to ~11 min); stops when final or refused. */
export const orderStatusQuery = (orderId: string) =>
  queryOptions({
    queryKey: orderKeys.status(orderId),
    queryFn: ({ signal }) => fetchOrderStatus(orderId, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (!data || isRefusal(query.state.error)) return false;
      return livePollIntervalMs(data.status, new Date(data.createdAt), new Date()) ?? false;
    },
  });
