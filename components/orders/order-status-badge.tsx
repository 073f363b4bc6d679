import { orderStatusLabels, type OrderStatus } from "@/lib/domain/orders/order-status";

const neutral = "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200";
const waiting = "bg-amber-100 text-amber-900 dark:bg-amber-500/15 dark:text-amber-200";
const refused = "bg-red-100 text-red-800 dark:bg-red-500/15 dark:text-red-300";
const done = "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300";

/** The one place order status colours are decided (list, detail, live updates). */
const styles: Record<OrderStatus, string> = {
  placing: waiting,
  unknown: waiting,
  pending: waiting,
  delivered: done,
  partially_delivered: "bg-sky-100 text-sky-900 dark:bg-sky-500/15 dark:text-sky-200",
  failed: refused,
  cancelled: neutral,
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return (
    <span
      data-status={status}
      className={`inline-block rounded-full px-2 py-0.5 text-xs font-medium ${styles[status]}`}
    >
      {orderStatusLabels[status]}
    </span>
  );
}
