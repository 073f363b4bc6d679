import type { paymentFlows } from "@/drizzle/schema/payments";

/** A provider asked to send a payment in a flow that is not its own (or one we never request). */
export const unservedFlow = (label: string, flow: (typeof paymentFlows)[number]) =>
  new Error(
    flow === "external" ? "an external payment was not requested by us" : `${label} does not serve the ${flow} flow`,
  );
