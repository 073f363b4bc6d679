import { z } from "zod";

/** Wire shapes of the Octopus Cards API (providers.md §3), validated on every response. */
export const amount = z.number().finite();
export const isoTime = z.string().min(1);
export const nullableString = z.string().nullable().optional();

export const errorEnvelopeSchema = z.object({
  error: z.object({
    name: z.string(),
    code: z.string().optional().default(""),
    message: z.string().optional().default(""),
  }),
});

export const authTokensSchema = z.object({
  success: z.literal(true),
  data: z.object({
    access_token: z.string().min(1),
    refresh_token: z.string().min(1),
    access_expires_at: isoTime,
    refresh_expires_at: isoTime,
    client_id: z.number().int(),
  }),
});

export const logoutSchema = z.object({ success: z.literal(true), data: z.object({ message: z.string() }).optional() });

export const voucherProductSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  category: z.string().nullable().optional(),
  sub_category: z.string().nullable().optional(),
  country_code: z.string().nullable().optional(),
  currency_code: z.string(),
  image_url: nullableString,
  delivery_mode: nullableString,
  delivery_time: nullableString,
  validity: nullableString,
  available_denominations: z.array(z.object({ min_value: amount, max_value: amount, discount: z.number() })),
});

export const chargesSchema = z.object({
  non_discounted_total: amount,
  discount_amount: amount,
  total_amount: amount,
  discount: z.number(),
  gst_amount: amount.optional().default(0),
  total_payable: amount,
  max_quantity: z.number().int().optional(),
  net_amount: amount.optional(),
  handling_fee_amount: amount.optional().default(0),
  charges_details: z.object({
    source_currency: z.string(),
    destination_currency: z.string(),
    forex_rate: z.number().nullable(),
    conversion_fee: amount.nullable(),
  }),
});

export const inputFieldSchema = z.object({
  name: z.string(),
  label: z.string().optional(),
  required: z.boolean().optional().default(true),
  type: z.string().optional(),
  pattern: z.string().nullable().optional(),
});

export const topupProductSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  topup_type: z.enum(["GAMING", "MOBILE", "UTILITY"]),
  country_code: z.string(),
  currency_code: z.string(),
  image_url: nullableString,
  input_fields: z.array(inputFieldSchema).optional(),
});

export const topupVariantSchema = z.object({
  id: z.number().int(),
  product_id: z.number().int(),
  name: z.string(),
  category: z.enum(["Airtime", "Data", "Bundle"]),
  currency_code: z.string(),
  fixed_amounts: z.array(amount).nullable(),
  min_amount: amount.nullable(),
  max_amount: amount.nullable(),
});

export const lookupResultSchema = z.array(
  z.object({ product_id: z.number().int(), name: z.string(), country_code: z.string(), identified: z.boolean() }),
);

export const esimVariantSchema = z.object({
  id: z.number().int(),
  product_id: z.number().int(),
  name: z.string().optional(),
  amount: amount,
  currency_code: z.string(),
  data_amount_gb: z.number(),
  validity_days: z.number().int(),
});

export const esimProductSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  country_code: z.string(),
  currency_code: z.string(),
  image_url: nullableString,
  variants: z.array(esimVariantSchema).optional(),
});

export const walletSchema = z.object({
  id: z.number().int(),
  currency_id: z.number().int(),
  currency_code: z.string().optional(),
  amount: amount,
  type: z.enum(["PREPAID", "POSTPAID"]),
});

export const transactionSchema = z.object({
  id: z.number().int(),
  wallet_id: z.number().int(),
  currency_id: z.number().int(),
  currency_code: z.string().optional(),
  amount: amount,
  transaction_type: z.enum(["CREDIT", "DEBIT"]),
  status: z.enum(["COMPLETED", "PENDING", "FAILED"]),
  source_currency: z.string().nullable().optional(),
  destination_currency: z.string().nullable().optional(),
  forex_rate: z.number().nullable().optional(),
  conversion_charges: amount.nullable().optional(),
  remarks: z.string(),
  created_at: isoTime,
});

export const currencySchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string().optional(),
  symbol: z.string().optional(),
});
export const countrySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  iso2: z.string().optional(),
  iso3: z.string().optional(),
  currency_id: z.number().int().optional(),
});
export const categorySchema = z.object({ id: z.number().int(), name: z.string() });
export const subcategorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  category_id: z.number().int().optional(),
});
export const availabilitySchema = z.looseObject({ product_id: z.number().int(), available: z.boolean() });

export type ChargesWire = z.infer<typeof chargesSchema>;
