import type { PaymentProvider } from "./payment-provider";

/**
 * Providers the test suites plug in (a fake fourth provider), looked up after the registry's own.
 * Refused outside Vitest, so no running app can gain a provider this way.
 */
const registered = new Map<string, PaymentProvider<string>>();

export function registerTestPaymentProvider(provider: PaymentProvider<string>): () => void {
  // lib/platform/env.ts is server-only and this module also runs in the browser, where VITEST is never set.
  // eslint-disable-next-line no-restricted-properties
  if (!process.env.VITEST) throw new Error("test payment providers can only be registered under Vitest");
  registered.set(provider.name, provider);
  return () => void registered.delete(provider.name);
}

export const testPaymentProvider = (name: string): PaymentProvider<string> | undefined => registered.get(name);
