import { z } from "zod";
import { rowIdCursor } from "./row-id-cursor";
import { paymentProviders, webhookOutcomes, webhookSignatureVerdicts } from "@/drizzle/schema/payments";

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T, label: string) =>
  z
    .preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(values, { error: `must be one of ${values.join(", ")}` }).optional(),
    )
    .describe(label);

/** Every sender of webhooks: the payment providers, and Octopus Cards for orders. */
export const receiptProviders = [...paymentProviders, "octopus-cards"] as const;

/**
 * The signature filter: a verdict, "refused" (invalid or missing) or "any". Absent means "valid",
 * so refused deliveries (anyone can send them) never push authentic ones off the first page.
 */
export const receiptSignatureFilters = [...webhookSignatureVerdicts, "refused", "any"] as const;

export const receiptFiltersSchema = z.object({
  provider: optionalEnum(receiptProviders, "provider"),
  signature: optionalEnum(receiptSignatureFilters, "signature"),
  outcome: optionalEnum(webhookOutcomes, "outcome"),
  cursor: rowIdCursor.optional(),
});

export type ReceiptFilters = Partial<z.infer<typeof receiptFiltersSchema>>;
