import { isKnownCurrency } from "@/lib/platform/money/currency";
import type { RefundablePayment, RefundRuleViolation } from "@/lib/integrations/providers/provider-profile";
import { paymentProviderProfileFor } from "@/lib/integrations/providers/provider-profiles";

export {
  refundableMinorOf,
  type RefundablePayment,
  type RefundRuleViolation,
} from "@/lib/integrations/providers/provider-profile";

/** Refunds of a payment in a currency outside ISO 4217 are refused: its amounts cannot be read safely. */
export const unknownCurrencyRefundRefusal = (currency: string) =>
  `This payment is in ${currency}, a currency we do not know, so it cannot be refunded here; a person must review it with the provider first.`;

/**
 * Every provider rule a refund of `amountMinor` would break, each with its numbers; empty when
 * it may be sent. Run by the dialog before submit and again by the server under the payment's
 * row lock, with the reservation of that moment.
 */
export function checkRefundRules(
  payment: RefundablePayment,
  amountMinor: bigint,
  options: { sandboxTriggers: boolean },
): RefundRuleViolation[] {
  if (!isKnownCurrency(payment.currency))
    return [{ rule: "UNKNOWN_CURRENCY", message: unknownCurrencyRefundRefusal(payment.currency) }];
  return paymentProviderProfileFor(payment.provider).refundRules(payment, amountMinor, options);
}
