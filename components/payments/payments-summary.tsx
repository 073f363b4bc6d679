import { formatMinor } from "@/lib/platform/money/convert";
import { paymentsCountCap, type PaymentListSummary } from "@/lib/domain/payments/list/summary";
import { paymentStatusLabels } from "./payment-status-badge";

const count = (n: number) => n.toLocaleString("en-US");

/**
 * How many payments match (all pages, not just this one) and, when every one of them was counted,
 * their control totals per status and currency: captured, refunded and net. Past the cap it says
 * "more than 1,000" and shows no totals rather than totals of an arbitrary part.
 */
export function PaymentsSummary({ summary }: { summary: PaymentListSummary }) {
  if (!summary.exact) {
    return (
      <p className="mb-3 text-sm text-zinc-700 dark:text-zinc-300" data-testid="payments-count">
        More than {count(summary.moreThan)} payments match. Totals are shown for up to {count(paymentsCountCap)}{" "}
        payments: narrow the filters, or export the CSV for its control totals.
      </p>
    );
  }
  return (
    <details className="mb-3 text-sm" data-testid="payments-summary">
      <summary className="cursor-pointer text-zinc-700 dark:text-zinc-300">
        <span data-testid="payments-count">
          {summary.count === 1 ? "1 payment matches" : `${count(summary.count)} payments match`}
        </span>
        {summary.count > 0 ? <span>; totals by status and currency</span> : null}
      </summary>
      {summary.count > 0 ? (
        <ul className="mt-2 space-y-1" aria-label="Totals of the matching payments by status and currency">
          {summary.totals.map((t) => (
            <li key={`${t.status} ${t.currency}`} className="tabular-nums" data-testid="payments-total">
              <span className="font-medium">{paymentStatusLabels[t.status]}</span>, {t.currency}:{" "}
              {t.count === 1 ? "1 payment" : `${count(t.count)} payments`}
              {t.capturedMinor > 0n || t.refundedMinor > 0n
                ? `; captured ${formatMinor(t.capturedMinor, t.currency)}, refunded ${formatMinor(t.refundedMinor, t.currency)}, net ${formatMinor(t.netMinor, t.currency)}`
                : "; no money captured"}
            </li>
          ))}
        </ul>
      ) : null}
    </details>
  );
}
