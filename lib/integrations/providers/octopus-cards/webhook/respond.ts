import { handleWebhook } from "@/lib/platform/http/webhook-route";
import { keptHeaders } from "@/lib/domain/webhooks/receipts";
import { countRejection } from "@/lib/domain/webhooks/rejection-budget";
import type { OrderDeps } from "@/lib/domain/orders/place-order";
import { receiveOctopusCardsWebhook } from "./receive-octopus-cards-webhook";

/** Octopus Cards' receiver as request → response, for the app's route and the tests. */
export function octopusCardsWebhookResponse(request: Request, deps: OrderDeps, secret: string): Promise<Response> {
  return handleWebhook(request, {
    name: "octopus-cards",
    maxBodyBytes: 256 * 1024,
    what: "event",
    countTooLarge: () => countRejection(deps.db, "octopus-cards", deps.now()),
    receive: (rawBody) =>
      receiveOctopusCardsWebhook(
        deps,
        {
          rawBody,
          signature: request.headers.get("x-signature"),
          timestamp: request.headers.get("x-timestamp"),
          eventId: request.headers.get("x-event-id"),
          headers: keptHeaders(request.headers, [
            "content-type",
            "user-agent",
            "x-signature",
            "x-timestamp",
            "x-event-id",
            "x-event-type",
            "x-webhook-id",
          ]),
        },
        secret,
      ),
  });
}
