import type { OctoCurrency } from "./amounts";

/**
 * OCTO's refund rules (help.octo.uz/en/refunds.html) as pure functions: the dashboard explains
 * them before sending. The sandbox's simulator enforces its own copy, written from OCTO's
 * documents, so a misreading here shows up as a refusal there.
 */

/**
 * [OURS] Fixed sandbox exchange rates: the minor units of each currency worth 1 USD
 * (1 USD = 12,650.00 UZS = 90.00 RUB). OCTO's real rate is the day's rate; it is not public.
 */
export const octoSandboxMinorPerUsd: Readonly<Record<OctoCurrency, bigint>> = {
  USD: 100n,
  UZS: 1_265_000n,
  RUB: 9_000n,
};

/** "The refund amount cannot exceed 10 million sum per transaction": 10,000,000.00 UZS in tiyin. */
export const octoMaxRefundUzsMinor = 1_000_000_000n;

export type OctoRefundViolation =
  | { rule: "PAYMENT_NOT_SUCCEEDED"; paymentStatus: string }
  | { rule: "CURRENCY_MISMATCH"; refundCurrency: string; paymentCurrency: OctoCurrency }
  | { rule: "NOT_POSITIVE"; amountMinor: bigint }
  | { rule: "BELOW_MINIMUM"; amountMinor: bigint; minimumMinor: bigint }
  | { rule: "ABOVE_PER_REFUND_LIMIT"; amountMinor: bigint; limitMinor: bigint; limitUzsMinor: bigint }
  | {
      rule: "EXCEEDS_REFUNDABLE";
      amountMinor: bigint;
      refundableMinor: bigint;
      originalMinor: bigint;
      alreadyRefundedMinor: bigint;
    };

export interface OctoRefundProposal {
  paymentStatus: string;
  paymentCurrency: OctoCurrency;
  /** The payment's total_sum (after any partial capture), in minor units. */
  paymentTotalMinor: bigint;
  /** Refunds already made (succeeded) or in flight (pending), in minor units. */
  alreadyRefundedMinor: bigint;
  amountMinor: bigint;
  /** Defaults to the payment currency; OCTO refunds only in the payment currency. */
  refundCurrency?: string;
}

/** Minimum per refund: 1 USD or its equivalent in the payment currency. */
export function octoMinimumRefundMinor(currency: OctoCurrency): bigint {
  return octoSandboxMinorPerUsd[currency];
}

/** Largest single refund in the payment currency: 10,000,000 UZS converted at the sandbox rate, rounded down. */
export function octoMaxRefundMinor(currency: OctoCurrency): bigint {
  return (octoMaxRefundUzsMinor * octoSandboxMinorPerUsd[currency]) / octoSandboxMinorPerUsd.UZS;
}

/** Every rule the proposal breaks, each with the numbers to show; empty when the refund is allowed. */
export function checkOctoRefund(proposal: OctoRefundProposal): OctoRefundViolation[] {
  const { paymentStatus, paymentCurrency, paymentTotalMinor, alreadyRefundedMinor, amountMinor } = proposal;
  const violations: OctoRefundViolation[] = [];
  if (paymentStatus !== "succeeded") violations.push({ rule: "PAYMENT_NOT_SUCCEEDED", paymentStatus });
  const refundCurrency = proposal.refundCurrency ?? paymentCurrency;
  if (refundCurrency !== paymentCurrency)
    violations.push({ rule: "CURRENCY_MISMATCH", refundCurrency, paymentCurrency });
  if (amountMinor <= 0n) {
    violations.push({ rule: "NOT_POSITIVE", amountMinor });
    return violations;
  }
  const minimumMinor = octoMinimumRefundMinor(paymentCurrency);
  if (amountMinor < minimumMinor) violations.push({ rule: "BELOW_MINIMUM", amountMinor, minimumMinor });
  const limitMinor = octoMaxRefundMinor(paymentCurrency);
  if (amountMinor > limitMinor)
    violations.push({ rule: "ABOVE_PER_REFUND_LIMIT", amountMinor, limitMinor, limitUzsMinor: octoMaxRefundUzsMinor });
  const refundableMinor = paymentTotalMinor - alreadyRefundedMinor;
  if (amountMinor > refundableMinor) {
    violations.push({
      rule: "EXCEEDS_REFUNDABLE",
      amountMinor,
      refundableMinor,
      originalMinor: paymentTotalMinor,
      alreadyRefundedMinor,
    });
  }
  return violations;
}
