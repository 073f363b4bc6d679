import type { paymentFlows } from "@/drizzle/schema/payments";

export const flowLabels: Record<(typeof paymentFlows)[number], string> = {
  checkout_api: "Payment request",
  checkout_setup: "Payment Setup",
  octo: "OCTO checkout",
  external: "External",
};
