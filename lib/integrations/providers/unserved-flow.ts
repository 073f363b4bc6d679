import { externalPaymentFlow } from "@/drizzle/schema/payments";

/** A provider asked to send a payment in a flow that is not its own (or one we never request). */
export const unservedFlow = (label: string, flow: string) =>
  new Error(
    flow === externalPaymentFlow
      ? "an external payment was not requested by us"
      : `${label} does not serve the ${flow} flow`,
  );
