import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { appUrl, env } from "@/lib/platform/env";
import { sandboxProviderCredentials } from "./sandbox-credentials";

/**
 * Base URLs and credentials of the three providers. In live mode every value comes from the
 * environment (lib/platform/env.ts requires them); in sandbox mode they default to our simulators, so
 * switching to production is a change of base URL and credentials only.
 */
export interface CheckoutConfig {
  baseUrl: string;
  secretKey: string;
  processingChannelId: string;
  webhookSecret: string;
}

export interface OctoConfig {
  baseUrl: string;
  shopId: number;
  secret: string;
  notifyKey: string;
}

export interface OctopusCardsConfig {
  baseUrl: string;
  apiKey: string;
  apiSecret: string;
  webhookSecret: string;
}

const sandboxBase = (provider: string) => `${appUrl}/api/sandbox/${provider}`;

export function checkoutConfig(): CheckoutConfig {
  const s = sandboxProviderCredentials.checkout;
  return {
    baseUrl: env.CHECKOUT_BASE_URL ?? sandboxBase("checkout"),
    secretKey: env.CHECKOUT_SECRET_KEY ?? s.secretKey,
    processingChannelId: env.CHECKOUT_PROCESSING_CHANNEL_ID ?? s.processingChannelId,
    webhookSecret: env.CHECKOUT_WEBHOOK_SECRET ?? s.webhookSecret,
  };
}

export function octoConfig(): OctoConfig {
  const s = sandboxProviderCredentials.octo;
  return {
    baseUrl: env.OCTO_BASE_URL ?? sandboxBase("octo"),
    shopId: env.OCTO_SHOP_ID ?? s.shopId,
    secret: env.OCTO_SECRET ?? s.secret,
    notifyKey: env.OCTO_NOTIFY_KEY ?? s.notifyKey,
  };
}

export function octopusCardsConfig(): OctopusCardsConfig {
  const s = sandboxProviderCredentials.octopusCards;
  return {
    baseUrl: env.OCTOPUS_CARDS_BASE_URL ?? sandboxBase("octopus-cards"),
    apiKey: env.OCTOPUS_CARDS_API_KEY ?? s.apiKey,
    apiSecret: env.OCTOPUS_CARDS_API_SECRET ?? s.apiSecret,
    webhookSecret: env.OCTOPUS_CARDS_WEBHOOK_SECRET ?? s.webhookSecret,
  };
}

/** Where each provider delivers its webhooks/callbacks to this dashboard. */
export const webhookReceiverUrls = {
  checkout: `${appUrl}/api/webhooks/checkout`,
  octo: `${appUrl}/api/webhooks/octo`,
  octopusCards: `${appUrl}/api/webhooks/octopus-cards`,
};

/** The key each payment provider signs its webhooks with, by provider name (a name without one does not compile). */
const webhookSecrets = {
  checkout: () => checkoutConfig().webhookSecret,
  octo: () => octoConfig().notifyKey,
} satisfies { [Name in PaymentProviderName]: () => string };

export const paymentProviderWebhookSecret = (name: PaymentProviderName): string => webhookSecrets[name]();
