import "server-only";
import { createCheckoutClient, type CheckoutClient } from "./checkout/client";
import { checkoutConfig, octoConfig, octopusCardsConfig } from "./config";
import { createOctoClient, type OctoClient } from "./octo/client";
import { createOctopusCardsClient, type OctopusCardsClient } from "./octopus-cards/client";
import type { PaymentProviderClients } from "./provider-clients";

/**
 * The app's provider clients, built from lib/integrations/providers/config.ts (sandbox simulators by default,
 * the real providers when their base URLs and credentials are set). Server-only: they hold keys.
 */
let checkout: CheckoutClient | undefined;
let octo: OctoClient | undefined;

function checkoutClient(): CheckoutClient {
  checkout ??= createCheckoutClient(checkoutConfig());
  return checkout;
}

function octoClient(): OctoClient {
  octo ??= createOctoClient(octoConfig());
  return octo;
}

/** Every payment provider's client, by provider name: what refunds, requests, import and sync are given. */
export function paymentProviderClients(): PaymentProviderClients {
  return { checkout: checkoutClient(), octo: octoClient() };
}

let octopusCards: OctopusCardsClient | undefined;
export function octopusCardsClient(): OctopusCardsClient {
  octopusCards ??= createOctopusCardsClient(octopusCardsConfig());
  return octopusCards;
}
