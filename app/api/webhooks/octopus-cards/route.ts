import { appOrderDeps } from "@/lib/orders/app-order-deps";
import { readLimitedBody } from "@/lib/http/read-limited-body";
import { octopusCardsConfig } from "@/lib/providers/config";
import { keptHeaders } from "@/lib/webhooks/receipts";
import { receiveOctopusCardsWebhook } from "@/lib/webhooks/octopus-cards/receive-octopus-cards-webhook";

export const dynamic = "force-dynamic";

const maxBodyBytes = 256 * 1024;

/**
 * Octopus Cards webhook receiver. It has no session: the X-Signature HMAC over the raw body and
 * a fresh X-Timestamp are its authentication, checked (constant time) before anything is applied.
 */
export async function POST(request: Request) {
  const rawBody = await readLimitedBody(request, maxBodyBytes);
  if (rawBody === null) return Response.json({ error: "body too large" }, { status: 413 });
  try {
    const result = await receiveOctopusCardsWebhook(
      appOrderDeps(),
      {
        rawBody,
        signature: request.headers.get("x-signature"),
        timestamp: request.headers.get("x-timestamp"),
        eventId: request.headers.get("x-event-id"),
        headers: keptHeaders(request.headers, ["content-type", "user-agent", "x-signature", "x-timestamp", "x-event-id", "x-event-type", "x-webhook-id"]),
      },
      octopusCardsConfig().webhookSecret,
    );
    return Response.json({ outcome: result.outcome, ...(result.detail && { detail: result.detail }) }, { status: result.httpStatus });
  } catch (error) {
    console.error("[webhook octopus-cards]", error);
    // A 5xx makes Octopus Cards retry later, which is what an unexpected failure (or an unreachable provider) needs.
    return Response.json({ error: "could not process the event" }, { status: 500 });
  }
}
