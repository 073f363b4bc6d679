import { externalPaymentFlow, paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import { paymentProviderProfileFor, paymentProviderProfiles } from "./provider-profiles";

/** "Checkout.com", "OCTO": each provider's name as people read it, from its profile. */
export const paymentProviderLabels = Object.fromEntries(
  paymentProviders.map((name) => [name, paymentProviderProfiles[name].label]),
) as Record<PaymentProviderName, string>;

export const paymentProviderLabel = (name: string): string => paymentProviderProfileFor(name).label;

/** "Checkout.com (Octopus)": the provider with what customers pay through it. */
export const paymentProviderFullLabels = Object.fromEntries(
  paymentProviders.map((name) => [name, paymentProviderProfiles[name].fullLabel]),
) as Record<PaymentProviderName, string>;

/** "Payment request", "OCTO checkout": how a payment reached the ledger, from its provider's profile. */
export function paymentFlowLabel(provider: string, flow: string): string {
  if (flow === externalPaymentFlow) return "Made at the provider";
  return paymentProviderProfileFor(provider).requestFlows[flow]?.shortLabel ?? flow;
}
