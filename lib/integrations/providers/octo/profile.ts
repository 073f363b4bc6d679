import { formatMinor } from "@/lib/platform/money/convert";
import type { PaymentProviderProfile, RefundRuleViolation } from "../provider-profile";
import { isOctoCurrency, octoCurrencies } from "./currencies";
import { checkOctoRefund, octoMaxRefundMinor, type OctoRefundViolation } from "./refund-rules";

function describeOcto(violation: OctoRefundViolation, currency: string): RefundRuleViolation {
  const money = (minor: bigint) => formatMinor(minor, currency);
  switch (violation.rule) {
    case "PAYMENT_NOT_SUCCEEDED":
      return { rule: "OCTO_PAYMENT_NOT_SUCCEEDED", message: "OCTO refunds only succeeded payments" };
    case "CURRENCY_MISMATCH":
      return {
        rule: "OCTO_CURRENCY",
        message: `OCTO refunds only in the payment currency ${violation.paymentCurrency}`,
      };
    case "NOT_POSITIVE":
      return { rule: "AMOUNT_POSITIVE", message: "must be greater than zero" };
    case "BELOW_MINIMUM":
      return {
        rule: "OCTO_MINIMUM",
        message: `${money(violation.amountMinor)} is below OCTO's minimum of 1 USD (${money(violation.minimumMinor)})`,
      };
    case "ABOVE_PER_REFUND_LIMIT":
      return {
        rule: "OCTO_PER_REFUND_LIMIT",
        message: `${money(violation.amountMinor)} is above OCTO's limit of 10,000,000 UZS per refund (${money(violation.limitMinor)})`,
      };
    case "EXCEEDS_REFUNDABLE":
      return {
        rule: "EXCEEDS_REFUNDABLE",
        message: `${money(violation.amountMinor)} is more than the ${money(violation.refundableMinor)} still refundable (captured ${money(violation.originalMinor)}, ${money(violation.alreadyRefundedMinor)} already refunded or in flight)`,
      };
  }
}

export const octoProfile = {
  name: "octo",
  label: "OCTO",
  fullLabel: "OCTO",
  paymentIdShape: "uuid",
  import: {
    idHint:
      "The shop_transaction_id. OCTO looks payments up by shop_transaction_id only, so a payment UUID works only for a payment already in the ledger.",
    currencies: octoCurrencies,
    currencyHint:
      "OCTO's answers carry no currency: give the one the payment was made in (see the OCTO merchant cabinet); the ledger records that staff gave it. Not needed for a payment already in the ledger.",
  },
  requestFlows: {
    octo: { label: "OCTO (Uzbekistan): prepare_payment", shortLabel: "OCTO checkout", currencies: octoCurrencies },
  },
  refundRules(payment, amountMinor) {
    if (!isOctoCurrency(payment.currency))
      return [{ rule: "OCTO_CURRENCY", message: `OCTO does not refund ${payment.currency}` }];
    return checkOctoRefund({
      paymentStatus: payment.status === "captured" ? "succeeded" : payment.status,
      paymentCurrency: payment.currency,
      paymentTotalMinor: payment.capturedMinor,
      alreadyRefundedMinor: payment.refundReservedMinor,
      amountMinor,
    }).map((violation) => describeOcto(violation, payment.currency));
  },
  refundRulesSummary: (payment) =>
    `OCTO: at least 1 USD or its equivalent, at most 10,000,000 UZS per refund, all refunds together at most the original, and only succeeded payments (this one is ${payment.status}).`,
  refunds: {
    collectionDays: null,
    pendingOverdueAfterMs: 30 * 60_000,
    singleRefundCap: (currency) =>
      isOctoCurrency(currency)
        ? {
            capMinor: octoMaxRefundMinor(currency),
            rule: "OCTO's limit of 10,000,000 UZS per refund",
          }
        : null,
  },
  failureWithoutHttpStatus: (code) =>
    typeof code === "number"
      ? `OCTO answered with error ${code}`
      : "OCTO could not be reached or sent an answer we could not read",
} as const satisfies PaymentProviderProfile<"octo">;
