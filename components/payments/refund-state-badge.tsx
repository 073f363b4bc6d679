import { refundStateText, paymentRefundState } from "@/lib/domain/payments/refund-state";

const styles = {
  partially_refunded: "bg-violet-100 text-violet-900 dark:bg-violet-500/15 dark:text-violet-200",
  refunded: "bg-zinc-200 text-zinc-800 dark:bg-zinc-800 dark:text-zinc-200",
} as const;

/**
 * Beside a payment's status, as Checkout.com shows it: "Partially refunded HK$50.00" or
 * "Refunded HK$100.00" (approved refunds only); nothing when no money went back.
 */
export function RefundStateBadge({
  payment,
}: {
  payment: { capturedMinor: bigint; refundedMinor: bigint; currency: string };
}) {
  const { state } = paymentRefundState(payment);
  const text = refundStateText(payment);
  if (state === "none" || !text) return null;
  return (
    <span
      data-refund-state={state}
      data-testid="refund-state"
      className={`inline-block rounded-md px-2 py-0.5 text-xs font-medium ${styles[state]}`}
    >
      {text}
    </span>
  );
}
