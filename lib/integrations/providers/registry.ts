import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { checkoutAdapter } from "./checkout/adapter";
import { octoAdapter } from "./octo/adapter";
import type { PaymentProvider } from "./payment-provider";
import { UnknownPaymentProviderError } from "./provider-profiles";
import { testPaymentProvider } from "./test-registrations";

/**
 * Every payment provider's adapter, by the name stored on payments and refunds. Adding a name to
 * paymentProviders (drizzle/schema/payments.ts) without a line here does not compile. Built on
 * first use: the adapters import services that import this module.
 */
function builtInAdapters() {
  return {
    checkout: checkoutAdapter,
    octo: octoAdapter,
  } satisfies { [Name in PaymentProviderName]: PaymentProvider<Name> };
}

/** The adapter of a stored provider name; an unknown name throws instead of taking another provider's path. */
export function paymentProviderFor(name: string): PaymentProvider<string> {
  const adapters: Record<string, PaymentProvider<string> | undefined> = builtInAdapters();
  const adapter = adapters[name] ?? testPaymentProvider(name);
  if (!adapter) throw new UnknownPaymentProviderError(name);
  return adapter;
}
