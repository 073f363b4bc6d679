import type { PaymentStatus } from "@/lib/domain/payments/payment-status";

export const paymentStatusLabels: Record<PaymentStatus, string> = {
  requested: "Requested",
  pending: "Pending",
  authorized: "Authorized",
  captured: "Captured",
  declined: "Declined",
  canceled: "Canceled",
  expired: "Expired",
  failed: "Failed",
};

const neutral = "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";
const waiting = "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200";
const refused = "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300";

/** The one place payment status colours are decided (list, detail, live updates). */
const styles: Record<PaymentStatus, string> = {
  requested: neutral,
  pending: waiting,
  authorized: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
  captured: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  declined: refused,
  canceled: neutral,
  expired: neutral,
  failed: refused,
};

export function PaymentStatusBadge({ status }: { status: PaymentStatus }) {
  return (
    <span
      data-status={status}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`}
    >
      {paymentStatusLabels[status]}
    </span>
  );
}
