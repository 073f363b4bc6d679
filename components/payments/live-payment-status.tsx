"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import type { PaymentStatusSummary } from "@/lib/payments/payment-detail";
import { isRefusal, paymentStatusQuery } from "@/lib/query/payments";
import { PaymentStatusBadge } from "./payment-status-badge";

/**
 * The payment's status, kept live: polls GET /api/payments/[id] while the payment is not final
 * and, when what it reads differs from what the server rendered (status or last update), asks
 * the server to re-render the page so the amounts and timeline follow without a manual reload.
 */
export function LivePaymentStatus({ rendered }: { rendered: PaymentStatusSummary }) {
  const router = useRouter();
  const { data, error } = useQuery({ ...paymentStatusQuery(rendered.id), initialData: rendered });

  useEffect(() => {
    if (data.status !== rendered.status || data.updatedAt !== rendered.updatedAt) router.refresh();
  }, [data.status, data.updatedAt, rendered.status, rendered.updatedAt, router]);

  return (
    <div className="flex flex-wrap items-center gap-2">
      <span role="status" aria-live="polite" aria-label="Payment status" data-testid="live-payment-status">
        <PaymentStatusBadge status={data.status} />
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
