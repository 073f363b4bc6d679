"use client";

import { LiveStatus } from "@/components/ui/live-status";
import type { PaymentStatusSummary } from "@/lib/domain/payments/payment-detail";
import { paymentStatusQuery } from "@/lib/app/query/payments";
import { PaymentStatusBadge } from "./payment-status-badge";

/** The payment's status, kept live: polls GET /api/payments/[id] while the payment is not final. */
export function LivePaymentStatus({ rendered }: { rendered: PaymentStatusSummary }) {
  return (
    <LiveStatus
      rendered={rendered}
      query={paymentStatusQuery(rendered.id)}
      label="Payment status"
      testId="live-payment-status"
      badge={(status) => <PaymentStatusBadge status={status} />}
    />
  );
}
