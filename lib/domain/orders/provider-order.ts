import type {
  EsimOrder,
  Money,
  OrderFailure,
  TopupOrder,
  VoucherOrder,
} from "@/lib/integrations/providers/octopus-cards/types";
import { fromProviderOrderStatus, type OrderStatus } from "./order-status";
import type { OrderFacts } from "./transition-order";

export type ProviderOrder = VoucherOrder | TopupOrder | EsimOrder;

/** What the wallet paid, as the provider reports it, when it is in the wallet's currency. */
function walletDebitOf(order: ProviderOrder, chargeCurrency: string): bigint | null {
  const paid: Money | null = "deduction" in order ? order.deduction : order.amount;
  return paid && paid.currency === chargeCurrency ? paid.minor : null;
}

/** One provider order (any vertical) as a status and facts for transitionOrder. */
export function factsOfProviderOrder(
  order: ProviderOrder,
  chargeCurrency: string,
): { status: OrderStatus; facts: OrderFacts } | null {
  const status = fromProviderOrderStatus(order.status);
  if (!status) return null;
  const failure: OrderFailure | null = order.failure;
  return {
    status,
    facts: {
      providerOrderId: order.id,
      providerStatus: order.status,
      deductionMinor: walletDebitOf(order, chargeCurrency),
      ...(failure && {
        failureCode: failure.code,
        failureReason: failure.reason,
        isUserFixable: failure.isUserFixable,
      }),
    },
  };
}

export interface DeliveryFacts {
  /** Vouchers: the codes the provider returned; a topup or an eSIM: 1 once delivered. */
  deliveredQuantity?: number;
  /** eSIMs only: the ICCID is not a secret and is kept once seen (the provider drops it after install). */
  esim?: { iccid: string | null; activationStatus: string; installedAt: Date | null };
}

/** What a provider order says was delivered, for the order row. */
export function deliveryFactsOf(order: ProviderOrder, status: OrderStatus): DeliveryFacts {
  const delivered = status === "delivered" || status === "partially_delivered";
  const esim =
    "iccid" in order
      ? { iccid: order.iccid, activationStatus: order.activationStatus, installedAt: order.installedAt }
      : undefined;
  const deliveredQuantity = !delivered ? undefined : "vouchers" in order ? order.vouchers.length : 1;
  return { ...(deliveredQuantity !== undefined && { deliveredQuantity }), ...(esim && { esim }) };
}
