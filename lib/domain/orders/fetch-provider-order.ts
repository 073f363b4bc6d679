import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import type { ProviderOrder } from "./provider-order";
import type { OrderRow } from "./transition-order";

/** The provider's current view of one of our orders (by its provider order id and vertical). */
export function fetchProviderOrder(
  client: OctopusCardsClient,
  order: Pick<OrderRow, "vertical">,
  providerOrderId: number,
): Promise<ProviderOrder> {
  switch (order.vertical) {
    case "voucher":
      return client.getVoucherOrder(providerOrderId);
    case "topup":
      return client.getTopupOrder(providerOrderId);
    case "esim":
      return client.getEsimOrder(providerOrderId);
  }
}
