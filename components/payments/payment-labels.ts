import type { paymentFlows, paymentProviders } from "@/drizzle/schema/payments";

export const paymentProviderLabels: Record<(typeof paymentProviders)[number], string> = {
  checkout: "Checkout.com (Octopus)",
  octo: "OCTO",
};

export const paymentFlowLabels: Record<(typeof paymentFlows)[number], string> = {
  checkout_api: "Checkout.com payment request",
  checkout_setup: "Checkout.com payment setup",
  octo: "OCTO payment",
  external: "Made at the provider",
};
