import { getDb } from "@/lib/platform/db/client";
import { checkoutConfig } from "@/lib/integrations/providers/config";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";

export const dynamic = "force-dynamic";

/**
 * Checkout.com webhook receiver. It has no session: the Cko-Signature HMAC over the raw body is
 * its authentication, checked (constant time) before anything is applied.
 */
export function POST(request: Request) {
  return paymentProviderFor("checkout").webhook.respond(request, {
    db: getDb(),
    secret: checkoutConfig().webhookSecret,
    refunds: appRefundDeps(),
  });
}
