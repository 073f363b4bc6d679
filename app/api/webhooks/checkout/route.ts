import { getDb } from "@/lib/db/client";
import { handleWebhook } from "@/lib/http/webhook-route";
import { checkoutConfig } from "@/lib/providers/config";
import { keptHeaders } from "@/lib/webhooks/receipts";
import { receiveCheckoutWebhook } from "@/lib/webhooks/checkout/receive-checkout-webhook";

export const dynamic = "force-dynamic";

/**
 * Checkout.com webhook receiver. It has no session: the Cko-Signature HMAC over the raw body is
 * its authentication, checked (constant time) before anything is applied.
 */
export function POST(request: Request) {
  return handleWebhook(request, {
    name: "checkout",
    maxBodyBytes: 256 * 1024,
    what: "event",
    receive: (rawBody) =>
      receiveCheckoutWebhook(
        getDb(),
        { rawBody, signatureHeader: request.headers.get("cko-signature"), headers: keptHeaders(request.headers, ["content-type", "user-agent", "cko-signature"]) },
        checkoutConfig().webhookSecret,
      ),
  });
}
