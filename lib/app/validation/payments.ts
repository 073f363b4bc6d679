import { z } from "zod";
import { typedText } from "./text";
import { octoCurrencies } from "@/lib/integrations/providers/octo/amounts";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** Checkout.com payment ids: pay_ and 26 lowercase base32 characters. */
export const checkoutPaymentIdPattern = /^pay_[a-z0-9]{26}$/;

/**
 * Import a payment made at the provider. OCTO looks payments up by shop_transaction_id only and
 * its answers carry no currency, so an OCTO payment not yet in the ledger needs the currency
 * from staff (the service asks for it when it is missing). Its UUID works only for a payment the
 * ledger already has.
 */
export const importPaymentSchema = z.discriminatedUnion(
  "provider",
  [
    z.object({
      provider: z.literal("checkout"),
      paymentId: z
        .string({ error: "is required" })
        .trim()
        .min(1, "is required")
        .regex(
          checkoutPaymentIdPattern,
          "must be a Checkout.com payment id: pay_ followed by 26 lowercase letters or digits",
        ),
    }),
    z.object({
      provider: z.literal("octo"),
      paymentId: typedText({ max: 255 }).min(1, "is required"),
      currency: z.preprocess(
        blankToUndefined,
        z.enum(octoCurrencies, { error: `must be one of ${octoCurrencies.join(", ")}` }).optional(),
      ),
    }),
  ],
  { error: "must be Checkout.com or OCTO" },
);
export type ImportPaymentInput = z.output<typeof importPaymentSchema>;

export const syncPaymentSchema = z.object({
  paymentId: z.uuid({ error: "must be a payment id (UUID)" }),
});
