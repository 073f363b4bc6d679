import type { paymentFlows } from "@/drizzle/schema/payments";
import type { PaymentProvider } from "@/lib/payments/list/params";

export const providerLabels: Record<PaymentProvider, string> = { checkout: "Checkout.com", octo: "OCTO" };

export const flowLabels: Record<(typeof paymentFlows)[number], string> = {
  checkout_api: "Payment request",
  checkout_setup: "Payment Setup",
  octo: "OCTO checkout",
  external: "External",
};
