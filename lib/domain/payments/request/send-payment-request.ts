import type { Database } from "@/lib/platform/db/types";
import type { PaymentProviderClients } from "@/lib/integrations/providers/provider-clients";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import type { PaymentStatus } from "../payment-status";
import type { PaymentRow } from "./open-payment-request";

/** Where providers send the customer back and deliver callbacks. */
export interface PaymentRequestUrls {
  /** Customer-facing page after paying (Checkout success/failure, OCTO return_url). */
  customerReturnUrl: string;
  octoNotifyUrl: string;
  /** OCTO's `test` flag: true against its sandbox. */
  octoTest: boolean;
}

export interface ProviderAcceptance {
  providerPaymentId: string;
  providerStatus: string;
  status: PaymentStatus;
  landingUrl: string | null;
  octopusUri: string | null;
  providerSetupId?: string;
}

/**
 * Step two: the provider call, always with the key stored in step one (Checkout's
 * Cko-Idempotency-Key; OCTO's shop_transaction_id, which fixes the payment at its first call),
 * so resuming an unanswered request can never make a second payment. Throws the client's error.
 * Each provider refuses the flows it does not serve (flow "external" is never requested by us).
 */
export async function sendPaymentRequest(
  db: Database,
  clients: PaymentProviderClients,
  payment: PaymentRow,
  urls: PaymentRequestUrls,
): Promise<ProviderAcceptance> {
  const key = payment.idempotencyKey;
  if (!key) throw new Error(`payment ${payment.id} has no idempotency key`);
  return paymentProviderFor(payment.provider).requestPayment(
    { db, clients, urls },
    { ...payment, idempotencyKey: key },
  );
}
