import { getDb } from "@/lib/db/client";
import { checkoutConfig } from "@/lib/providers/config";
import { checkoutWebhookResponse } from "@/lib/webhooks/webhook-responses";

export const dynamic = "force-dynamic";

/**
 * Checkout.com webhook receiver. It has no session: the Cko-Signature HMAC over the raw body is
 * its authentication, checked (constant time) before anything is applied.
 */
export function POST(request: Request) {
  return checkoutWebhookResponse(request, getDb(), checkoutConfig().webhookSecret);
}
