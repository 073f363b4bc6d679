import { formatMinor } from "@/lib/platform/money/convert";
import { refundableMinorOf, type PaymentProviderProfile, type RefundRuleViolation } from "../provider-profile";

/** The Checkout.com sandbox's refund trigger endings (51, 52, 53) do not end in 0 but must reach it. */
const octopusSandboxTriggerEndings = [51n, 52n, 53n];

/** Checkout.com payment ids: pay_ and 26 lowercase base32 characters. */
export const checkoutPaymentIdPattern = /^pay_[a-z0-9]{26}$/;

/** Octopus card refunds approved but not collected within 90 days expire. */
export const octopusCollectionDays = 90;

export const checkoutProfile = {
  name: "checkout",
  label: "Checkout.com",
  fullLabel: "Checkout.com (Octopus)",
  paymentIdShape: { prefix: "pay_" },
  import: {
    idHint: "The Checkout.com payment id: pay_ followed by 26 letters or digits.",
    idFormat: {
      pattern: checkoutPaymentIdPattern,
      message: "must be a Checkout.com payment id: pay_ followed by 26 lowercase letters or digits",
    },
    currencies: null,
  },
  requestFlows: {
    checkout_api: {
      label: "Octopus via Checkout.com: one API call (POST /payments)",
      shortLabel: "Payment request",
      currencies: ["HKD"],
    },
    checkout_setup: {
      label: "Octopus via Checkout.com: Payment Setup, then confirm",
      shortLabel: "Payment Setup",
      currencies: ["HKD"],
    },
  },
  // Checkout.com: "For Octopus, payment and refund amounts must end in a 0" (minor units).
  requestAmountIssue: (amountMinor) => (amountMinor % 10n !== 0n ? "must be a multiple of 0.10 for Octopus" : null),
  refundRules(payment, amountMinor, options) {
    const money = (minor: bigint) => formatMinor(minor, payment.currency);
    const violations: RefundRuleViolation[] = [];
    if (payment.status !== "captured")
      violations.push({
        rule: "PAYMENT_NOT_CAPTURED",
        message: `only a captured payment can be refunded (this one is ${payment.status})`,
      });
    if (amountMinor <= 0n) return [...violations, { rule: "AMOUNT_POSITIVE", message: "must be greater than zero" }];
    const endsInZero = amountMinor % 10n === 0n;
    const sandboxTrigger = options.sandboxTriggers && octopusSandboxTriggerEndings.includes(amountMinor % 100n);
    if (!endsInZero && !sandboxTrigger)
      violations.push({
        rule: "OCTOPUS_ENDS_IN_ZERO",
        message: `${money(amountMinor)} must be a multiple of ${money(10n)}: Octopus refund amounts end in 0`,
      });
    const refundable = refundableMinorOf(payment);
    if (amountMinor > refundable) {
      violations.push({
        rule: "EXCEEDS_REFUNDABLE",
        message: `${money(amountMinor)} is more than the ${money(refundable)} still refundable (captured ${money(payment.capturedMinor)}, ${money(payment.refundReservedMinor)} already refunded or in flight)`,
      });
    }
    return violations;
  },
  refundRulesSummary: (_payment, money) =>
    `Octopus (Checkout.com): refund amounts end in 0, a multiple of ${money(10n)}; the payment must be captured.`,
  refunds: { collectionDays: octopusCollectionDays, pendingOverdueAfterMs: 3_600_000 },
} as const satisfies PaymentProviderProfile<"checkout">;
