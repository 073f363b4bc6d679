import "server-only";
import { getDb } from "@/lib/platform/db/client";
import { appUrl, isSandbox } from "@/lib/platform/env";
import { paymentProviderClients } from "@/lib/integrations/providers/clients";
import { webhookReceiverUrls } from "@/lib/integrations/providers/config";
import type { PaymentRequestDeps } from "./request-payment";

/** The app's wiring of a payment request: its database, provider clients and public URLs. */
export function appPaymentRequestDeps(): PaymentRequestDeps {
  return {
    db: getDb(),
    clients: paymentProviderClients(),
    urls: {
      customerReturnUrl: `${appUrl}/payment-complete`,
      octoNotifyUrl: webhookReceiverUrls.octo,
      octoTest: isSandbox,
    },
  };
}
