import { queryOptions } from "@tanstack/react-query";
import type { OrderStatusSummary } from "@/lib/orders/order-detail";
import { livePollIntervalMs } from "@/lib/orders/poll-schedule";
import { HttpError, isRefusal } from "./payments";

export const orderKeys = {
  all: ["orders"] as const,
  status: (orderId: string) => ["orders", orderId, "status"] as const,
};

async function fetchOrderStatus(orderId: string, signal: AbortSignal): Promise<OrderStatusSummary> {
  const response = await fetch(`/api/orders/${encodeURIComponent(orderId)}`, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new HttpError(response.status, body?.error?.message ?? `The status could not be loaded (HTTP ${response.status}).`);
  }
  return (await response.json()) as OrderStatusSummary;
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
