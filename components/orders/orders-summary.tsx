import { ordersTotalsCap, type OrderListTotals } from "@/lib/domain/orders/list/totals";
import { moneyText } from "./money-text";

const count = (n: number) => n.toLocaleString("en-US");
const orders = (n: number) => (n === 1 ? "1 order" : `${count(n)} orders`);

/**
 * How many orders match (all pages, not just this one) and, when every one was counted, their
 * control totals per wallet currency: charged, refunded and net. Past the cap it says so and
 * shows no totals rather than totals of an arbitrary part.
 */
export function OrdersSummary({ summary }: { summary: OrderListTotals }) {
  if (!summary.exact) {
    return (
      <p className="mb-3 text-sm text-zinc-700 dark:text-zinc-300" data-testid="orders-count">
        More than {count(summary.moreThan)} orders match. Totals are shown for up to {count(ordersTotalsCap)} orders:
        narrow the filters, or export the control totals.
      </p>
    );
  }
  return (
    <div className="mb-3 text-sm" data-testid="orders-summary">
      <p className="text-zinc-700 dark:text-zinc-300">
        <span data-testid="orders-count">
          {summary.count === 1 ? "1 order matches" : `${count(summary.count)} orders match`}
        </span>
        {summary.count > 0 ? "; control totals net of refunds:" : null}
      </p>
      {summary.count > 0 ? (
        <ul className="mt-1 space-y-1" aria-label="Control totals of the matching orders by wallet currency">
          {summary.totals.map((t) => (
            <li key={t.currency} className="tabular-nums" data-testid="orders-total" data-currency={t.currency}>
              <span className="font-medium">{t.currency}</span>: {orders(t.orderCount)}; charged{" "}
              {moneyText(t.chargedMinor, t.currency)}, refunded {moneyText(t.refundedMinor, t.currency)}, net{" "}
              {moneyText(t.netMinor, t.currency)}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
