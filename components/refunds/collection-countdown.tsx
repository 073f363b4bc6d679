/** An approved Octopus card refund's collection window: counted from Checkout.com's approval on the provider's clock. */
export function CollectionCountdown({ days }: { days: number | null }) {
  if (days === null) return null;
  return (
    <span className="text-xs text-amber-800 dark:text-amber-200" data-testid="collection-countdown">
      {days > 1
        ? `expires in ${days} days unless collected`
        : days === 1
          ? "expires within a day unless collected"
          : "collection window has passed"}
    </span>
  );
}
