import { z } from "zod";

/** The parts of a Checkout.com workflow event we act on; everything else is kept in the raw body. */
export const checkoutEventSchema = z.object({
  id: z.string().min(1).max(100),
  type: z.string().min(1).max(100),
  created_on: z.string().optional(),
  data: z
    .object({
      id: z.string().regex(/^pay_\w{26}$/, "must be a pay_ id"),
      amount: z.number().int().positive().optional(),
      // Any three capital letters: a code outside ISO 4217 is stored as received and flagged for review (README, Payments).
      currency: z
        .string()
        .regex(/^[A-Z]{3}$/, "must be a three-letter currency code")
        .optional(),
      reference: z.string().max(200).optional(),
      action_id: z.string().optional(),
      response_code: z.string().optional(),
      response_summary: z.string().optional(),
      metadata: z.record(z.string(), z.unknown()).optional(),
    })
    .passthrough(),
});
