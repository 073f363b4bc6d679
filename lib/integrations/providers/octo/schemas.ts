import { z } from "zod";

/** Zod schemas for OCTO's responses and callbacks; snake_case exactly as on the wire. */

const amountSchema = z.union([z.number(), z.string()]);

/**
 * Every OCTO answer: HTTP 200 with a body-level `error`. New responses carry the payload in
 * `data`; older ones put the same fields flat at the top level, so both are accepted.
 */
export const octoEnvelopeSchema = z.looseObject({
  error: z.number().int(),
  errMessage: z.string().nullish(),
  errorMessage: z.string().nullish(),
  data: z.unknown().optional(),
  apiMessageForDevelopers: z.string().nullish(),
});

export const octoPaymentDataSchema = z.looseObject({
  shop_transaction_id: z.string(),
  octo_payment_UUID: z.string().min(1),
  status: z.string().min(1),
  octo_pay_url: z.string().nullish(),
  refunded_sum: amountSchema.nullish(),
  total_sum: amountSchema.nullish(),
});
export type OctoPaymentData = z.infer<typeof octoPaymentDataSchema>;

export const octoAcceptDataSchema = octoPaymentDataSchema.extend({
  transfer_sum: amountSchema.nullish(),
  payed_time: z.string().nullish(),
});

export const octoRefundDataSchema = z.looseObject({
  octo_payment_UUID: z.string().min(1),
  refund_id: z.string().min(1),
  refund_time: z.string().nullish(),
  status: z.string().min(1),
});

/** The body OCTO POSTs to notify_url (providers.md §2.7). */
export const octoNotificationSchema = z.looseObject({
  shop_transaction_id: z.string(),
  octo_payment_UUID: z.string().min(1),
  status: z.string().min(1),
  signature: z.string().min(1),
  hash_key: z.string().nullish(),
  total_sum: amountSchema.nullish(),
  transfer_sum: amountSchema.nullish(),
  refunded_sum: amountSchema.nullish(),
  card_country: z.string().nullish(),
  maskedPan: z.string().nullish(),
  rrn: z.string().nullish(),
  riskLevel: z.number().nullish(),
  payed_time: z.string().nullish(),
  card_type: z.string().nullish(),
  is_physical_card: z.boolean().nullish(),
  currency: z.string().nullish(),
  card_vendor: z.string().nullish(),
});
export type OctoNotification = z.infer<typeof octoNotificationSchema>;
