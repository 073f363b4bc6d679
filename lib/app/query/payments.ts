import { queryOptions } from "@tanstack/react-query";
import type { PaymentStatusSummary } from "@/lib/domain/payments/payment-detail";
import { fetchJson, isRefusal } from "./fetch-json";

/** Query keys of the payments domain: invalidating paymentKeys.all refreshes every payment query. */
export const paymentKeys = {
  all: ["payments"] as const,
  status: (paymentId: string) => ["payments", paymentId, "status"] as const,
};

function fetchPaymentStatus(paymentId: string, signal: AbortSignal): Promise<PaymentStatusSummary> {
  return fetchJson(`/api/payments/${encodeURIComponent(paymentId)}`, signal, "The status could not be loaded");
}

const pollMs = 2000;

/** Polled every 2 s while the payment is not final; stops once it is, or once access is refused. */
export const paymentStatusQuery = (paymentId: string) =>
  queryOptions({
    queryKey: paymentKeys.status(paymentId),
    queryFn: ({ signal }) => fetchPaymentStatus(paymentId, signal),
    staleTime: 0,
    refetchInterval: (query) => {
      if (query.state.data?.isFinal || isRefusal(query.state.error)) return false;
      return pollMs;
    },
  });
