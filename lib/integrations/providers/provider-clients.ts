import type { PaymentProviderName } from "@/drizzle/schema/payments";
import type { CheckoutClient } from "./checkout/client";
import type { OctoClient } from "./octo/client";

/** One entry per payment provider name: adding a name to paymentProviders without its entry here does not compile. */
type OnePerProvider<T extends { [Name in PaymentProviderName]: unknown }> = T;

/** Each payment provider's API client, by the name stored on payments and refunds. Its adapter reads its own entry. */
export type PaymentProviderClients = OnePerProvider<{
  checkout: CheckoutClient;
  octo: OctoClient;
}>;

/** The read-only calls import and sync make, by provider name: what a test supplies to stand in for a provider. */
export type PaymentReaders = OnePerProvider<{
  checkout: Pick<CheckoutClient, "getPayment">;
  octo: Pick<OctoClient, "checkPaymentStatus">;
}>;
