import { majorToMinor, typedAmountText } from "@/lib/platform/money/convert";
import { AmountPrecisionError, isKnownCurrency } from "@/lib/platform/money/currency";
import {
  checkRefundRules,
  refundableMinorOf,
  unknownCurrencyRefundRefusal,
  type RefundablePayment,
} from "./refund-rules";

export interface RefundFormValues {
  kind: "full" | "partial";
  /** The partial amount as typed, in major units ("1,000.00" allowed). */
  amount: string;
}

export interface RefundFormCheck {
  /** The amount the refund would be, or null while none can be read from what was typed. */
  amountMinor: bigint | null;
  /** The amount errors the server would answer for these values, word for word; empty when it may be sent. */
  amountErrors: string[];
  /** True when the amount's own text is the problem (not a number, too many decimals): shown on the field. */
  unreadable: boolean;
}

/** Same words as the server's schema (refund-input.ts) and amountFieldToMinor. */
export const notAnAmount = "must be a number such as 125.50 or 1,250.00";
const tooManyDecimals = (currency: string) => `has more decimals than ${currency} allows`;
const nothingLeft = "is zero: nothing is left to refund";

/**
 * What the server would say about the amount of these dialog values, run as the user types: the
 * reading of the typed amount, then every provider rule (refund-rules.ts) on it. An empty partial
 * amount is not judged here; the server names it as a required field.
 */
export function checkRefundForm(
  payment: RefundablePayment,
  values: RefundFormValues,
  options: { sandboxTriggers: boolean },
): RefundFormCheck {
  const none = (amountErrors: string[], unreadable = false): RefundFormCheck => ({
    amountMinor: null,
    amountErrors,
    unreadable,
  });
  if (!isKnownCurrency(payment.currency)) return none([unknownCurrencyRefundRefusal(payment.currency)]);
  let amountMinor: bigint;
  if (values.kind === "full") {
    amountMinor = refundableMinorOf(payment);
    if (amountMinor <= 0n) return none([nothingLeft]);
  } else {
    if (values.amount.trim() === "") return none([]);
    const text = typedAmountText(values.amount);
    if (text === null) return none([notAnAmount], true);
    try {
      amountMinor = majorToMinor(text, payment.currency);
    } catch (error) {
      if (error instanceof AmountPrecisionError) return none([tooManyDecimals(payment.currency)], true);
      throw error;
    }
  }
  const violations = checkRefundRules(payment, amountMinor, options);
  return { amountMinor, amountErrors: violations.map((violation) => violation.message), unreadable: false };
}

/** A rule's words as they read after "the amount" when they start with a verb ("must be…", "is zero…"). */
const asClause = (error: string) => (/^(must|has|is) /.test(error) ? `the amount ${error}` : error);

/** One rule's words as a line of its own, e.g. "The amount must be greater than zero". */
export const refundRuleLine = (error: string) => {
  const clause = asClause(error);
  return clause.charAt(0).toUpperCase() + clause.slice(1);
};

/** The one sentence beside the disabled *Issue refund* button, saying what to fix. */
export function refundBlockedSentence(amountErrors: string[]): string {
  return `Issue refund is off until this is fixed: ${amountErrors.map(asClause).join("; ")}.`;
}
