import type { paymentFlows } from "@/drizzle/schema/payments";

export { paymentProviderFullLabels as paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";

export const paymentFlowLabels: Record<(typeof paymentFlows)[number], string> = {
  checkout_api: "Checkout.com payment request",
  checkout_setup: "Checkout.com payment setup",
  octo: "OCTO payment",
  external: "Made at the provider",
};
