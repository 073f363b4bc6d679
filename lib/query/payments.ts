import { queryOptions } from "@tanstack/react-query";
import type { PaymentStatusSummary } from "@/lib/payments/payment-detail";

/** Query keys of the payments domain: invalidating paymentKeys.all refreshes every payment query. */
export const paymentKeys = {
  all: ["payments"] as const,
  status: (paymentId: string) => ["payments", paymentId, "status"] as const,
};

/** A failed fetch that keeps its HTTP status, so the query client does not retry 401/403/404. */
export class HttpError extends Error {
  override name = "HttpError";
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** 401/403/404: asking again will not help (signed out, role changed, no such payment). */
export function isRefusal(error: unknown): boolean {
  return error instanceof HttpError && (error.status === 401 || error.status === 403 || error.status === 404);
}

async function fetchPaymentStatus(paymentId: string, signal: AbortSignal): Promise<PaymentStatusSummary> {
  const response = await fetch(`/api/payments/${encodeURIComponent(paymentId)}`, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new HttpError(response.status, body?.error?.message ?? `The status could not be loaded (HTTP ${response.status}).`);
  }
  return (await response.json()) as PaymentStatusSummary;
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
