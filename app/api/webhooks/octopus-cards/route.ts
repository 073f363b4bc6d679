import { handleWebhook } from "@/lib/http/webhook-route";
import { appOrderDeps } from "@/lib/orders/app-order-deps";
import { octopusCardsConfig } from "@/lib/providers/config";
import { keptHeaders } from "@/lib/webhooks/receipts";
import { receiveOctopusCardsWebhook } from "@/lib/webhooks/octopus-cards/receive-octopus-cards-webhook";

export const dynamic = "force-dynamic";

/**
 * Octopus Cards webhook receiver. It has no session: the X-Signature HMAC over the raw body and
 * a fresh X-Timestamp are its authentication, checked (constant time) before anything is applied.
 */
export function POST(request: Request) {
  return handleWebhook(request, {
    name: "octopus-cards",
    maxBodyBytes: 256 * 1024,
    what: "event",
    receive: (rawBody) =>
      receiveOctopusCardsWebhook(
        appOrderDeps(),
        {
          rawBody,
          signature: request.headers.get("x-signature"),
          timestamp: request.headers.get("x-timestamp"),
          eventId: request.headers.get("x-event-id"),
          headers: keptHeaders(request.headers, ["content-type", "user-agent", "x-signature", "x-timestamp", "x-event-id", "x-event-type", "x-webhook-id"]),
        },
        octopusCardsConfig().webhookSecret,
      ),
  });
}
