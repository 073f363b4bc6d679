import { externalPaymentFlow, paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import { findPaymentProviderProfile, paymentProviderProfileFor, paymentProviderProfiles } from "./provider-profiles";

/** "Checkout.com", "OCTO": each provider's name as people read it, from its profile. */
export const paymentProviderLabels = Object.fromEntries(
  paymentProviders.map((name) => [name, paymentProviderProfiles[name].label]),
) as Record<PaymentProviderName, string>;

export const paymentProviderLabel = (name: string): string => paymentProviderProfileFor(name).label;

/** For words about stored history: a name no provider has any more reads as itself instead of throwing. */
export const paymentProviderLabelOrName = (name: string): string => findPaymentProviderProfile(name)?.label ?? name;

/** "Checkout.com (Octopus)": the provider with what customers pay through it. */
export const paymentProviderFullLabels = Object.fromEntries(
  paymentProviders.map((name) => [name, paymentProviderProfiles[name].fullLabel]),
) as Record<PaymentProviderName, string>;

/** "Payment request", "OCTO checkout": how a payment reached the ledger, from its provider's profile. */
export function paymentFlowLabel(provider: string, flow: string): string {
  if (flow === externalPaymentFlow) return "Made at the provider";
  return findPaymentProviderProfile(provider)?.requestFlows[flow]?.shortLabel ?? flow;
}
