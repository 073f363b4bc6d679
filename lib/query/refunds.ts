import { queryOptions } from "@tanstack/react-query";
import type { RefundView } from "@/lib/refunds/payment-refunds";
import { HttpError, isRefusal } from "./payments";

/** Query keys of the refunds domain: invalidating refundKeys.all refreshes every refund query. */
export const refundKeys = {
  all: ["refunds"] as const,
  ofPayment: (paymentId: string) => ["refunds", "payment", paymentId] as const,
};

async function fetchPaymentRefunds(paymentId: string, signal: AbortSignal): Promise<RefundView[]> {
  const response = await fetch(`/api/payments/${encodeURIComponent(paymentId)}/refunds`, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new HttpError(response.status, body?.error?.message ?? `The refunds could not be loaded (HTTP ${response.status}).`);
  }
  return (await response.json()) as RefundView[];
}

const pollMs = 2000;

/** Polled every 2 s while any refund of the payment is not settled; stops when all are, or when access is refused. */
export const paymentRefundsQuery = (paymentId: string) =>
  queryOptions({
    queryKey: refundKeys.ofPayment(paymentId),
    queryFn: ({ signal }) => fetchPaymentRefunds(paymentId, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      if (isRefusal(query.state.error)) return false;
      return query.state.data?.every((refund) => refund.settled) ? false : pollMs;
    },
  });
