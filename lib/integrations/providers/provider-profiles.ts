import { paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import { checkoutProfile } from "./checkout/profile";
import { octoProfile } from "./octo/profile";
import type { PaymentProviderProfile } from "./provider-profile";
import { testPaymentProvider } from "./test-registrations";

/** Every payment provider's browser-safe profile; a name in paymentProviders without one does not compile. */
export const paymentProviderProfiles = {
  checkout: checkoutProfile,
  octo: octoProfile,
} as const satisfies { [Name in PaymentProviderName]: PaymentProviderProfile<Name> };

export class UnknownPaymentProviderError extends Error {
  override name = "UnknownPaymentProviderError";
  constructor(readonly provider: string) {
    super(`"${provider}" is not a payment provider (known: ${paymentProviders.join(", ")})`);
  }
}

const isBuiltIn = (name: string): name is PaymentProviderName => (paymentProviders as readonly string[]).includes(name);

/** The profile of a provider name, or undefined when no provider (built in or registered by a test) has it. */
export function findPaymentProviderProfile(name: string): PaymentProviderProfile<string> | undefined {
  return isBuiltIn(name) ? paymentProviderProfiles[name] : testPaymentProvider(name);
}

/** The profile of a stored provider name; an unknown name throws rather than taking another provider's path. */
export function paymentProviderProfileFor(name: string): PaymentProviderProfile<string> {
  const profile = findPaymentProviderProfile(name);
  if (!profile) throw new UnknownPaymentProviderError(name);
  return profile;
}
