import type { EsimOrder, Money, OrderFailure, TopupOrder, VoucherOrder } from "@/lib/providers/octopus-cards/types";
import { fromProviderOrderStatus, type OrderStatus } from "./order-status";
import type { OrderFacts } from "./transition-order";

export type ProviderOrder = VoucherOrder | TopupOrder | EsimOrder;

/** What the wallet paid, as the provider reports it, when it is in the wallet's currency. */
function walletDebitOf(order: ProviderOrder, chargeCurrency: string): bigint | null {
  const paid: Money | null = "deduction" in order ? order.deduction : order.amount;
  return paid && paid.currency === chargeCurrency ? paid.minor : null;
}

/** One provider order (any vertical) as a status and facts for transitionOrder. */
export function factsOfProviderOrder(order: ProviderOrder, chargeCurrency: string): { status: OrderStatus; facts: OrderFacts } | null {
  const status = fromProviderOrderStatus(order.status);
  if (!status) return null;
  const failure: OrderFailure | null = order.failure;
  return {
    status,
    facts: {
      providerOrderId: order.id,
      providerStatus: order.status,
      deductionMinor: walletDebitOf(order, chargeCurrency),
      ...(failure && { failureCode: failure.code, failureReason: failure.reason, isUserFixable: failure.isUserFixable }),
    },
  };
}
