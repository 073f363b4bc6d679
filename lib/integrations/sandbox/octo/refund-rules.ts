import type { OctoCurrency } from "./wire/currencies";

/**
 * [OURS] The sandbox's fixed exchange rates, as minor units worth 1 USD: 1 USD = 12,650.00 UZS =
 * 90.00 RUB. OCTO converts at the day's rate, which it does not publish.
 */
const minorUnitsPerUsd: Record<OctoCurrency, bigint> = { USD: 100n, UZS: 1_265_000n, RUB: 9_000n };

/** [DOC refunds.html] "Maximum per refund transaction: 10,000,000 sum", in tiyin. */
const perRefundCeilingUzsMinor = 10_000_000n * 100n;

export type OctoRefundRefusal = "payment-not-succeeded" | "wrong-amount";

/**
 * [DOC refunds.html, providers.md §2.6] Only a succeeded payment is refunded, in its own currency;
 * each refund is at least 1 USD (or the equivalent), at most 10,000,000 UZS (or the equivalent)
 * and at most what is left of the original amount, counting earlier refunds. The old doc's extra
 * rule (the balance left must stay above 1 USD) is not in the new doc, so the sandbox leaves it out.
 */
export function refuseOctoRefund(payment: {
  status: string;
  currency: OctoCurrency;
  totalMinor: bigint;
  refundedMinor: bigint;
  amountMinor: bigint;
}): OctoRefundRefusal | null {
  if (payment.status !== "succeeded") return "payment-not-succeeded";
  const perUsd = minorUnitsPerUsd[payment.currency];
  const ceiling = (perRefundCeilingUzsMinor * perUsd) / minorUnitsPerUsd.UZS;
  const left = payment.totalMinor - payment.refundedMinor;
  const amount = payment.amountMinor;
  return amount < perUsd || amount > ceiling || amount > left ? "wrong-amount" : null;
}
