import { z } from "zod";
import { paymentProviders } from "@/drizzle/schema/payments";
import { getDb } from "@/lib/platform/db/client";
import { paymentProviderWebhookSecret } from "@/lib/integrations/providers/config";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import { appRefundDeps } from "@/lib/domain/refunds/app-refund-deps";

export const dynamic = "force-dynamic";

const routeParams = z.object({ provider: z.enum(paymentProviders) });

/**
 * Every payment provider's webhook receiver (/api/webhooks/checkout, /api/webhooks/octo), served
 * by its adapter. It has no session: the provider's signature over the raw body is its
 * authentication, checked in constant time before anything is applied (Checkout.com's
 * Cko-Signature HMAC; OCTO's notify signature, after which a valid callback only makes us
 * re-fetch the payment from OCTO). An unknown provider is 404.
 */
export async function POST(request: Request, context: { params: Promise<{ provider: string }> }) {
  const params = routeParams.safeParse(await context.params);
  if (!params.success) return Response.json({ error: "not found" }, { status: 404 });
  const { provider } = params.data;
  return paymentProviderFor(provider).webhook.respond(request, {
    db: getDb(),
    secret: paymentProviderWebhookSecret(provider),
    refunds: appRefundDeps(),
  });
}
