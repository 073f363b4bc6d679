import { z } from "zod";
import { amount, isoTime, nullableString } from "./schemas";

/** Wire shapes of the three order objects (providers.md §3.7–3.9), validated on every response. */
const failureFields = {
  failure_code: z.string().nullable().optional(),
  failure_reason: z.string().nullable().optional(),
  is_user_fixable: z.boolean().nullable().optional(),
};

export const voucherCodeSchema = z.object({
  card_number: z.string().nullable(),
  pin_code: z.string().nullable(),
  claim_url: z.string().nullable(),
  expires_at: z.string().nullable(),
  voucher_reference_number: z.string().nullable(),
});

export const voucherOrderSchema = z.object({
  id: z.number().int(),
  product_id: z.number().int(),
  product_name: z.string(),
  denomination: amount,
  quantity: z.number().int(),
  amount: amount,
  discount: amount,
  client_reference: z.string().nullable().optional(),
  wallet_id: z.number().int().nullable().optional(),
  status: z.enum(["PENDING", "DELIVERED", "PARTIALLY_DELIVERED", "FAILED", "CANCELLED"]),
  base_currency: z.string(),
  deduction_currency: z.string(),
  deduction_amount: amount.optional(),
  message: nullableString,
  email: nullableString,
  vouchers: z.array(voucherCodeSchema),
  transaction_id: z.number().int().nullable().optional(),
  ...failureFields,
  created_at: isoTime.optional(),
});

export const topupOrderSchema = z.object({
  id: z.number().int(),
  client_reference: z.string().nullable().optional(),
  product_id: z.number().int(),
  product_name: z.string(),
  variant_name: nullableString,
  category: nullableString,
  country_code: z.string(),
  amount: amount,
  currency: z.string(),
  requested_amount: amount.optional(),
  requested_currency: z.string().optional(),
  wallet_id: z.number().int().nullable().optional(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED", "CANCELLED", "RECHARGED"]),
  status_text: nullableString,
  transaction_id: z.number().int().nullable().optional(),
  ...failureFields,
  notification_email: nullableString,
  created_at: isoTime,
  completed_at: z.string().nullable().optional(),
});

export const esimOrderSchema = z.object({
  id: z.number().int(),
  client_reference: z.string().nullable().optional(),
  status: z.enum(["PENDING", "DELIVERED", "FAILED", "CANCELLED"]),
  product_id: z.number().int().optional(),
  product_name: z.string(),
  country_code: z.string(),
  data_amount_gb: z.number(),
  validity_days: z.number().int(),
  amount: amount,
  currency: z.string(),
  requested_amount: amount.optional(),
  requested_currency: z.string().optional(),
  wallet_id: z.number().int().nullable().optional(),
  activation_code: z.string().nullable().optional(),
  iccid: z.string().nullable().optional(),
  activation_status: z.enum(["NOT_INSTALLED", "ACTIVE", "EXPIRED"]),
  is_installed: z.boolean(),
  installed_at: z.string().nullable().optional(),
  activated_at: z.string().nullable().optional(),
  expires_at: z.string().nullable().optional(),
  transaction_id: z.number().int().nullable().optional(),
  ...failureFields,
  notification_email: nullableString,
  created_at: isoTime,
});

export type VoucherOrderWire = z.infer<typeof voucherOrderSchema>;
export type TopupOrderWire = z.infer<typeof topupOrderSchema>;
export type EsimOrderWire = z.infer<typeof esimOrderSchema>;
