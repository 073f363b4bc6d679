import { formatMinor } from "@/lib/money/convert";
import { isKnownCurrency } from "@/lib/money/currency";
import { checkOctoRefund, type OctoRefundViolation } from "@/lib/providers/octo/refund-rules";
import { isOctoCurrency } from "@/lib/providers/octo/currencies";

/** What the rules need to know about the payment (pure data, so the dialog can run them too). */
export interface RefundablePayment {
  provider: "checkout" | "octo";
  status: string;
  currency: string;
  capturedMinor: bigint;
  /** Refunds that hold money now (requested, pending, unknown, approved, needs attention). */
  refundReservedMinor: bigint;
}

export interface RefundRuleViolation {
  rule: string;
  message: string;
}

/** The Checkout.com sandbox's refund trigger endings (51, 52, 53) do not end in 0 but must reach it. */
const octopusSandboxTriggerEndings = [51n, 52n, 53n];

/** Refunds of a payment in a currency outside ISO 4217 are refused: its amounts cannot be read safely. */
export const unknownCurrencyRefundRefusal = (currency: string) =>
  `This payment is in ${currency}, a currency we do not know, so it cannot be refunded here; a person must review it with the provider first.`;

export const refundableMinorOf = (payment: RefundablePayment) => payment.capturedMinor - payment.refundReservedMinor;

function describeOcto(violation: OctoRefundViolation, currency: string): RefundRuleViolation {
  const money = (minor: bigint) => formatMinor(minor, currency);
  switch (violation.rule) {
    case "PAYMENT_NOT_SUCCEEDED":
      return { rule: "OCTO_PAYMENT_NOT_SUCCEEDED", message: "OCTO refunds only succeeded payments" };
    case "CURRENCY_MISMATCH":
      return { rule: "OCTO_CURRENCY", message: `OCTO refunds only in the payment currency ${violation.paymentCurrency}` };
    case "NOT_POSITIVE":
      return { rule: "AMOUNT_POSITIVE", message: "must be greater than zero" };
    case "BELOW_MINIMUM":
      return { rule: "OCTO_MINIMUM", message: `${money(violation.amountMinor)} is below OCTO's minimum of 1 USD (${money(violation.minimumMinor)})` };
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

/**
 * Every provider rule a refund of `amountMinor` would break, each with its numbers; empty when
 * it may be sent. Run by the dialog before submit and again by the server under the payment's
 * row lock, with the reservation of that moment.
 */
export function checkRefundRules(payment: RefundablePayment, amountMinor: bigint, options: { sandboxTriggers: boolean }): RefundRuleViolation[] {
  const money = (minor: bigint) => formatMinor(minor, payment.currency);
  if (!isKnownCurrency(payment.currency)) return [{ rule: "UNKNOWN_CURRENCY", message: unknownCurrencyRefundRefusal(payment.currency) }];
  if (payment.provider === "octo") {
    if (!isOctoCurrency(payment.currency)) return [{ rule: "OCTO_CURRENCY", message: `OCTO does not refund ${payment.currency}` }];
    return checkOctoRefund({
      paymentStatus: payment.status === "captured" ? "succeeded" : payment.status,
      paymentCurrency: payment.currency,
      paymentTotalMinor: payment.capturedMinor,
      alreadyRefundedMinor: payment.refundReservedMinor,
      amountMinor,
    }).map((violation) => describeOcto(violation, payment.currency));
  }

  const violations: RefundRuleViolation[] = [];
  if (payment.status !== "captured") violations.push({ rule: "PAYMENT_NOT_CAPTURED", message: `only a captured payment can be refunded (this one is ${payment.status})` });
  if (amountMinor <= 0n) return [...violations, { rule: "AMOUNT_POSITIVE", message: "must be greater than zero" }];
  const endsInZero = amountMinor % 10n === 0n;
  const sandboxTrigger = options.sandboxTriggers && octopusSandboxTriggerEndings.includes(amountMinor % 100n);
  if (!endsInZero && !sandboxTrigger) violations.push({ rule: "OCTOPUS_ENDS_IN_ZERO", message: `${money(amountMinor)} must be a multiple of ${money(10n)}: Octopus refund amounts end in 0` });
  const refundable = refundableMinorOf(payment);
  if (amountMinor > refundable) {
    violations.push({
      rule: "EXCEEDS_REFUNDABLE",
      message: `${money(amountMinor)} is more than the ${money(refundable)} still refundable (captured ${money(payment.capturedMinor)}, ${money(payment.refundReservedMinor)} already refunded or in flight)`,
    });
  }
  return violations;
}
