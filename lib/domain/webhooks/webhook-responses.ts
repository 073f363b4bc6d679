import type { Database } from "@/lib/platform/db/types";
import { handleWebhook } from "@/lib/platform/http/webhook-route";
import type { OrderDeps } from "@/lib/domain/orders/place-order";
import { receiveCheckoutWebhook } from "./checkout/receive-checkout-webhook";
import { receiveOctoNotify, type OctoNotifyDeps } from "./octo/receive-octo-notify";
import { receiveOctopusCardsWebhook } from "./octopus-cards/receive-octopus-cards-webhook";
import { keptHeaders } from "./receipts";
import { countRejection } from "./rejection-budget";

/**
 * The three receivers as request → response, shared by the app's routes (which pass the app's
 * database, clients and keys) and the lifecycle simulation (which passes its own).
 */
export function checkoutWebhookResponse(
  request: Request,
  db: Database,
  signingKey: string,
  now?: Date,
): Promise<Response> {
  return handleWebhook(request, {
    name: "checkout",
    maxBodyBytes: 256 * 1024,
    what: "event",
    countTooLarge: () => countRejection(db, "checkout", now ?? new Date()),
    receive: (rawBody) =>
      receiveCheckoutWebhook(
        db,
        {
          rawBody,
          signatureHeader: request.headers.get("cko-signature"),
          headers: keptHeaders(request.headers, ["content-type", "user-agent", "cko-signature"]),
        },
        signingKey,
        now,
      ),
  });
}

/** A notify callback is a small flat JSON object (providers.md §2.7); 64 KiB is generous. */
export function octoNotifyResponse(
  request: Request,
  db: Database,
  deps: OctoNotifyDeps,
  notifyKey: string,
  now?: Date,
): Promise<Response> {
  return handleWebhook(request, {
    name: "octo",
    maxBodyBytes: 64 * 1024,
    what: "callback",
    countTooLarge: () => countRejection(db, "octo", now ?? new Date()),
    receive: (rawBody) =>
      receiveOctoNotify(
        db,
        deps,
        notifyKey,
        { rawBody, headers: keptHeaders(request.headers, ["content-type", "user-agent"]) },
        now,
      ),
  });
}

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
