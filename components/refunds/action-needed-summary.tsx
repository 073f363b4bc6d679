/** The monitor's line about refunds whose money never reached the customer and that nobody has settled another way yet. */
export function ActionNeededSummary({ count, capped }: { count: number; capped: boolean }) {
  if (count === 0) return null;
  const shown = capped ? `More than ${count.toLocaleString("en-US")}` : count.toLocaleString("en-US");
  return (
    <p
      role="note"
      className="mb-4 rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-500/30 dark:bg-red-500/10 dark:text-red-200"
      data-testid="action-needed-summary"
    >
      Action needed: {shown} {count === 1 && !capped ? "refund" : "refunds"} ended declined, expired or not collected,
      so the money did not reach the customer. Open the payment to record how it was refunded instead.
    </p>
  );
}
