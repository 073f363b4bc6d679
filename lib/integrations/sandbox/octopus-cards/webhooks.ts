import { createHmac, randomBytes } from "node:crypto";
import type { DbOrTx } from "@/lib/platform/db/types";
import { enqueueWebhook } from "../core/webhooks";
import { sandboxCredentials } from "../credentials";
import { provider, webhookConfigId, webhookUserAgent } from "./constants";

export type WebhookEventType =
  | "order.delivered"
  | "order.partially_delivered"
  | "order.failed"
  | "order.cancelled"
  | "wallet.credited"
  | "wallet.debited";

/**
 * Queues one signed event (providers.md §3.11): X-Signature = hex HMAC-SHA256 of exactly the
 * body with the webhook secret; X-Timestamp in unix seconds of sandbox time.
 */
export async function emitWebhook(
  db: DbOrTx,
  eventType: WebhookEventType,
  data: unknown,
  ctx: { now: Date; appUrl: string },
): Promise<void> {
  const secret = sandboxCredentials.octopusCards.webhookSecret;
  const eventId = `evt_${randomBytes(12).toString("hex")}`;
  const body = JSON.stringify({ id: eventId, type: eventType, created_at: ctx.now.toISOString(), data });
  await enqueueWebhook(
    db,
    {
      provider,
      eventId,
      eventType,
      url: `${ctx.appUrl.replace(/\/+$/, "")}/api/webhooks/octopus-cards`,
      headers: {
        "User-Agent": webhookUserAgent,
        "X-OCTOPUS-WEBHOOK-TOKEN": secret,
        "X-Webhook-ID": webhookConfigId,
        "X-Event-ID": eventId,
        "X-Event-Type": eventType,
        "X-Timestamp": String(Math.floor(ctx.now.getTime() / 1000)),
        "X-Signature": createHmac("sha256", secret).update(body).digest("hex"),
      },
      body,
    },
    ctx.now,
  );
}
