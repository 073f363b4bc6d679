import { Badge } from "@/components/webhooks/receipt-badges";
import type { PaymentStatus } from "@/lib/payments/payment-status";

const statusStyles: Record<PaymentStatus, string> = {
  requested: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  pending: "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200",
  authorized: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
  captured: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  declined: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  failed: "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300",
  canceled: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  expired: "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
};

export const PaymentStatusBadge = ({ status }: { status: PaymentStatus }) => <Badge value={status} styles={statusStyles} />;
