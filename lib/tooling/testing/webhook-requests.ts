import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { signOctoNotification } from "@/lib/integrations/providers/octo/notify-signature";
import { signOctopusCardsWebhook } from "@/lib/integrations/providers/octopus-cards/webhook-signature";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";

/** The keys the route handlers verify with in sandbox mode (lib/integrations/providers/config.ts). */
export const webhookKeys: Record<"checkout" | "octo" | "octopusCards", string> = {
  checkout: sandboxCredentials.checkout.webhookSecret,
  octo: sandboxCredentials.octo.notifyKey,
  octopusCards: sandboxCredentials.octopusCards.webhookSecret,
};

export type WebhookProvider = "checkout" | "octo" | "octopus-cards";
export const webhookProviders: readonly WebhookProvider[] = ["checkout", "octo", "octopus-cards"];

/** The largest body each receiver reads (the route handlers' maxBodyBytes). */
export const bodyLimits: Record<WebhookProvider, number> = {
  checkout: 256 * 1024,
  octo: 64 * 1024,
  "octopus-cards": 256 * 1024,
};

export function webhookRequest(provider: WebhookProvider, body: string, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost:3000/api/webhooks/${provider}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
}

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(++counter).toString(36)}`;

export function checkoutEvent(type: string, paymentId = `pay_${unique().padEnd(26, "a").slice(0, 26)}`): string {
  return JSON.stringify({
    id: `evt_${unique()}`,
    type,
    version: "1.0.29",
    created_on: new Date().toISOString(),
    data: { id: paymentId, amount: 12300, currency: "HKD", reference: `ORD-${unique()}` },
  });
}

export const checkoutHeaders = (body: string, key = webhookKeys.checkout) => ({
  "cko-signature": signCheckoutWebhook(body, key),
});

export function octopusCardsEvent(type = "wallet.debited"): { body: string; eventId: string } {
  const eventId = `evt_${unique()}`;
  return {
    eventId,
    body: JSON.stringify({
      id: eventId,
      type,
      created_at: new Date().toISOString(),
      data: { id: 1, client_reference: null },
    }),
  };
}

export function octopusCardsHeaders(body: string, eventId: string, options: { key?: string; timestamp?: string } = {}) {
  return {
    "x-signature": signOctopusCardsWebhook(body, options.key ?? webhookKeys.octopusCards),
    "x-timestamp": options.timestamp ?? String(Math.floor(Date.now() / 1000)),
    "x-event-id": eventId,
  };
}

/**
 * An OCTO notify callback, signed over uuid + status only (OCTO's scheme). Its currency is one
 * OCTO does not accept, so a valid one is claimed as "ignored" without asking OCTO anything.
 */
export function octoCallback(
  fields: { uuid?: string; status?: string; key?: string; currency?: string } = {},
): Record<string, unknown> {
  const uuid = fields.uuid ?? crypto.randomUUID();
  const status = fields.status ?? "succeeded";
  return {
    shop_transaction_id: `fuzz-${unique()}`,
    octo_payment_UUID: uuid,
    status,
    hash_key: `hash-${unique()}`,
    total_sum: 1000,
    currency: fields.currency ?? "XXX",
    signature: signOctoNotification({ octoPaymentUuid: uuid, status, hashKey: "" }, fields.key ?? webhookKeys.octo),
  };
}

/** Replaces the character at `index` with a different one from `alphabet`: never the same string. */
export function flipCharacter(text: string, index: number, alphabet = "0123456789abcdef"): string {
  if (text.length === 0) return alphabet[0] ?? "0";
  const at = index % text.length;
  const current = text[at] ?? "";
  const replacement = [...alphabet].find((c) => c.toLowerCase() !== current.toLowerCase()) ?? "x";
  return text.slice(0, at) + replacement + text.slice(at + 1);
}
