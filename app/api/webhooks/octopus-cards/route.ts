import { appOrderDeps } from "@/lib/domain/orders/app-order-deps";
import { octopusCardsConfig } from "@/lib/integrations/providers/config";
import { octopusCardsWebhookResponse } from "@/lib/integrations/providers/octopus-cards/webhook/respond";

export const dynamic = "force-dynamic";

/**
 * Octopus Cards webhook receiver. It has no session: the X-Signature HMAC over the raw body and
 * a fresh X-Timestamp are its authentication, checked (constant time) before anything is applied.
 */
export function POST(request: Request) {
  return octopusCardsWebhookResponse(request, appOrderDeps(), octopusCardsConfig().webhookSecret);
}
