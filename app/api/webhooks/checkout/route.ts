import { getDb } from "@/lib/db/client";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { checkoutConfig } from "@/lib/providers/config";
import { keptHeaders } from "@/lib/webhooks/receipts";
import { receiveCheckoutWebhook } from "@/lib/webhooks/checkout/receive-checkout-webhook";

export const dynamic = "force-dynamic";

const maxBodyBytes = 256 * 1024;

/**
 * Checkout.com webhook receiver. It has no session: the Cko-Signature HMAC over the raw body is
 * its authentication, checked (constant time) before anything is applied.
 */
export async function POST(request: Request) {
  const rawBody = await readLimitedBody(request, maxBodyBytes);
  if (rawBody === null) return Response.json({ error: "body too large" }, { status: 413 });
  try {
    const result = await receiveCheckoutWebhook(
      getDb(),
      {
        rawBody,
        signatureHeader: request.headers.get("cko-signature"),
        headers: keptHeaders(request.headers, ["content-type", "user-agent", "cko-signature"]),
      },
      checkoutConfig().webhookSecret,
    );
    return Response.json({ outcome: result.outcome, ...(result.detail && { detail: result.detail }) }, { status: result.httpStatus });
  } catch (error) {
    console.error("[webhook checkout]", error);
    // A 5xx makes Checkout.com retry later, which is what an unexpected failure needs.
    return Response.json({ error: "could not process the event" }, { status: 500 });
  }
}
