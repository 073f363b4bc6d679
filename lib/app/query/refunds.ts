import { queryOptions } from "@tanstack/react-query";
import type { RefundView } from "@/lib/domain/refunds/payment-refunds";
import { fetchJson, isRefusal } from "./fetch-json";

/** Query keys of the refunds domain: invalidating refundKeys.all refreshes every refund query. */
export const refundKeys = {
  all: ["refunds"] as const,
  ofPayment: (paymentId: string) => ["refunds", "payment", paymentId] as const,
};

function fetchPaymentRefunds(paymentId: string, signal: AbortSignal): Promise<RefundView[]> {
  return fetchJson(`/api/payments/${encodeURIComponent(paymentId)}/refunds`, signal, "The refunds could not be loaded");
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
