import { createCheckoutClient } from "@/lib/integrations/providers/checkout/client";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { createOctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import type { PaymentProviderClients } from "@/lib/integrations/providers/provider-clients";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";

interface ClientOptions {
  /** e.g. http://127.0.0.1:4321/api/sandbox */
  baseUrl: string;
  timeoutMs: number;
  now: () => Date;
}

/** New Checkout.com and OCTO clients on the sandbox, as a freshly started process builds them. */
export function createRefundClients(options: ClientOptions): PaymentProviderClients {
  return {
    checkout: createCheckoutClient(
      { ...sandboxCredentials.checkout, baseUrl: `${options.baseUrl}/checkout` },
      { timeoutMs: options.timeoutMs },
    ),
    octo: createOctoClient(
      { ...sandboxCredentials.octo, baseUrl: `${options.baseUrl}/octo` },
      { timeoutMs: options.timeoutMs },
    ),
  };
}

/** A new Octopus Cards client (no token yet) whose clock is the sandbox clock. */
export function createOrderDepsClient(options: ClientOptions) {
  const creds = sandboxCredentials.octopusCards;
  return createOctopusCardsClient(
    {
      baseUrl: `${options.baseUrl}/octopus-cards`,
      apiKey: creds.apiKey,
      apiSecret: creds.apiSecret,
      webhookSecret: creds.webhookSecret,
    },
    { timeoutMs: options.timeoutMs, now: options.now },
  );
}
