import { eq } from "drizzle-orm";
import { alertWebhookEndpoints } from "@/drizzle/schema/alert-channels";
import type { DbOrTx } from "@/lib/platform/db/types";
import { verifyAlertWebhook } from "./channels/webhook-signature";
import { sandboxSinkLabel } from "./webhook-endpoints";

export interface ArrivedWebhook {
  id: string;
  body: string;
  signature: string | null;
  deliveryKey: string | null;
  receivedAt: string;
}

/** What the sink's owner sees: the message's text, and whether it was signed with the sink endpoint's secret when it arrived. */
export async function checkSinkWebhooks(db: DbOrTx, arrived: ArrivedWebhook[]) {
  const secrets = (
    await db
      .select({ secret: alertWebhookEndpoints.signingSecret })
      .from(alertWebhookEndpoints)
      .where(eq(alertWebhookEndpoints.label, sandboxSinkLabel))
  ).map((row) => row.secret);
  return arrived.map((webhook) => {
    const receivedAt = new Date(webhook.receivedAt);
    return {
      id: webhook.id,
      text: textOf(webhook.body),
      deliveryKey: webhook.deliveryKey,
      signatureValid: secrets.some((secret) => verifyAlertWebhook(secret, webhook.body, webhook.signature, receivedAt)),
      receivedAt,
    };
  });
}

function textOf(body: string): string {
  try {
    const parsed: unknown = JSON.parse(body);
    if (parsed && typeof parsed === "object" && "text" in parsed && typeof parsed.text === "string") return parsed.text;
  } catch {
    // Not JSON: shown as it arrived.
  }
  return body.slice(0, 200);
}
