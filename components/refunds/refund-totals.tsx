import { formatMinor } from "@/lib/platform/money/convert";
import type { StatusTotal } from "@/lib/domain/refunds/monitor";

/** The money of one status, one line per currency (never added across currencies); "at least" where not every refund was added up. */
export function RefundTotals({ totals }: { totals: StatusTotal[] }) {
  if (totals.length === 0) return <span className="text-zinc-600 dark:text-zinc-400">—</span>;
  return (
    <ul className="inline-block space-y-0.5 align-top">
      {totals.map((total) => (
        <li key={total.currency} className="whitespace-nowrap tabular-nums">
          {total.atLeast ? "at least " : ""}
          {formatMinor(total.amountMinor, total.currency)}
        </li>
      ))}
    </ul>
  );
}
