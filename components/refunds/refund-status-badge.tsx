import { refundStatusLabels, type RefundStatus } from "@/lib/domain/refunds/refund-status";

const neutral = "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";
const waiting = "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200";
const refused = "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300";

/** The one place refund status colours are decided (payment page, monitor, approvals). */
const styles: Record<RefundStatus, string> = {
  awaiting_approval: "bg-violet-100 text-violet-900 dark:bg-violet-500/15 dark:text-violet-200",
  requested: neutral,
  pending: waiting,
  approved: "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300",
  declined: refused,
  expired: neutral,
  not_collected: neutral,
  rejected: refused,
  unknown: waiting,
  failed: refused,
  needs_attention: "bg-orange-200 text-orange-900 dark:bg-orange-500/20 dark:text-orange-200",
};

export function RefundStatusBadge({ status }: { status: RefundStatus }) {
  return (
    <span
      data-status={status}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`}
    >
      {refundStatusLabels[status]}
    </span>
  );
}
