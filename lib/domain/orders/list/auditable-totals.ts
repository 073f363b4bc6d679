import type { OrderCurrencyTotal } from "./totals";

/** Control totals as the audit log keeps them: JSON-safe, minor units as decimal strings, keyed by currency. */
export function auditableTotals(totals: readonly OrderCurrencyTotal[]) {
  return Object.fromEntries(
    totals.map((t) => [
      t.currency,
      {
        orderCount: t.orderCount,
        chargedMinor: t.chargedMinor.toString(),
        refundedMinor: t.refundedMinor.toString(),
        netMinor: t.netMinor.toString(),
      },
    ]),
  );
}
