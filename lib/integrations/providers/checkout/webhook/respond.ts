import type { Database } from "@/lib/platform/db/types";
import { handleWebhook } from "@/lib/platform/http/webhook-route";
import { keptHeaders } from "@/lib/domain/webhooks/receipts";
import { countRejection } from "@/lib/domain/webhooks/rejection-budget";
import { receiveCheckoutWebhook } from "./receive-checkout-webhook";

/**
 * Checkout.com's receiver as request → response, shared by the app's route (which passes the
 * app's database and key) and the lifecycle simulation (which passes its own).
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
