import type { PaymentProviderName } from "@/drizzle/schema/payments";

export type { PaymentProviderName } from "@/drizzle/schema/payments";

/** What the refund rules need to know about the payment (pure data, so the dialog can run them too). */
export interface RefundablePayment {
  provider: PaymentProviderName;
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

/** One way staff can request a payment through a provider; its key is stored as payments.flow. */
export interface RequestFlowProfile {
  /** As the request form offers it: "Octopus via Checkout.com: one API call (POST /payments)". */
  label: string;
  /** As lists and the payment page name it, beside the provider: "Payment request". */
  shortLabel: string;
  currencies: readonly string[];
}

export const refundableMinorOf = (payment: RefundablePayment) => payment.capturedMinor - payment.refundReservedMinor;

/**
 * The part of a payment provider that is plain data and pure functions, safe in the browser:
 * its words and its refund rules. The server-side adapter (payment-provider.ts) extends it.
 */
export interface PaymentProviderProfile<Name extends string = PaymentProviderName> {
  name: Name;
  /** The provider's name as people read it: "Checkout.com". */
  label: string;
  /** With what customers pay through it, where the ledger shows one payment: "Checkout.com (Octopus)". */
  fullLabel: string;
  /** How its payment ids look, so the payments search can tell one: a prefix ("pay_"), or a UUID (matched exactly). */
  paymentIdShape: { prefix: string } | "uuid";
  import: {
    /** What to type as the payment id. */
    idHint: string;
    /** The shape a payment id must have, with the sentence the form shows when it has not; none when any text may be one. */
    idFormat?: { pattern: RegExp; message: string };
    /** The currencies staff choose from when the provider's answers carry none; null when the provider says it. */
    currencies: readonly string[] | null;
    currencyHint?: string;
  };
  /** The request flows this provider serves, by the name stored as payments.flow (unique across providers). */
  requestFlows: Record<string, RequestFlowProfile>;
  /** Why a requested amount (minor units) breaks this provider's rule, as the form says it; null when it holds. */
  requestAmountIssue?(amountMinor: bigint): string | null;
  /**
   * Every rule of this provider a refund of `amountMinor` would break, each with its numbers;
   * empty when it may be sent. The currency is already known to be an ISO 4217 one.
   */
  refundRules(
    payment: RefundablePayment,
    amountMinor: bigint,
    options: { sandboxTriggers: boolean },
  ): RefundRuleViolation[];
  /** The refund dialog's line on this provider's rules; `money` formats minor units in the payment's currency. */
  refundRulesSummary(payment: { status: string }, money: (minor: bigint) => string): string;
  refunds: {
    /** Days the customer has to collect an approved refund before it expires; null when it needs no collecting. */
    collectionDays: number | null;
    /** How long a refund may stay requested or pending before it is overdue. */
    pendingOverdueAfterMs: number;
    /** The most it refunds at once in `currency`, with the rule in words; null when it sets no such cap there. */
    singleRefundCap?(currency: string): { capMinor: bigint; rule: string } | null;
  };
  /** This provider's words for a failed call that carried no HTTP status, when it has its own. */
  failureWithoutHttpStatus?(code: unknown): string;
}
