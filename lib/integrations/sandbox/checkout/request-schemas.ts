import { z } from "zod";

/** Every zod issue message below is a Checkout.com error code; the handler returns them as error_codes. */
const requiredOrInvalid = (field: string) => ({
  error: (issue: { input?: unknown }) => (issue.input === undefined ? `${field}_required` : `${field}_invalid`),
});

const httpUrl = (code: string) => z.url({ protocol: /^https?$/, error: code }).max(255, { error: code });

const flatMetadata = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]), {
  error: "metadata_invalid",
});

const customer = z.object(
  {
    email: z.email({ error: "customer_email_invalid" }).optional(),
    name: z.string({ error: "customer_name_invalid" }).max(255, { error: "customer_name_invalid" }).optional(),
  },
  { error: "customer_invalid" },
);

const processingChannelId = z
  .string(requiredOrInvalid("processing_channel_id"))
  .regex(/^pc_\w{26}$/, { error: "processing_channel_id_invalid" });

/** POST /payments with an Octopus source (the only source this simulator serves). */
export const octopusPaymentRequestSchema = z.looseObject({
  amount: z
    .number(requiredOrInvalid("amount"))
    .int({ error: "amount_invalid" })
    .min(1, { error: "amount_invalid" })
    .refine((n) => n % 10 === 0, { error: "amount_invalid" }),
  currency: z
    .string(requiredOrInvalid("currency"))
    .regex(/^[A-Z]{3}$/, { error: "currency_invalid" })
    .refine((c) => c === "HKD", { error: "currency_not_supported" }),
  source: z.looseObject(
    { type: z.literal("octopus", { error: "payment_source_type_not_supported" }) },
    { error: (issue) => (issue.input === undefined ? "payment_source_required" : "payment_source_invalid") },
  ),
  // Required unless the key is bound to one channel: the handler decides (keys.ts).
  processing_channel_id: processingChannelId.optional(),
  success_url: httpUrl("success_url_invalid"),
  failure_url: httpUrl("fail_url_invalid"),
  reference: z.string({ error: "reference_invalid" }).max(50, { error: "reference_invalid" }).optional(),
  description: z.string({ error: "description_invalid" }).max(100, { error: "description_invalid" }).optional(),
  metadata: flatMetadata.optional(),
  customer: customer.optional(),
  capture: z.boolean({ error: "capture_invalid" }).optional(),
});

/** POST /payments/{id}/refunds: every field optional; an omitted amount refunds the remaining balance. */
export const refundRequestSchema = z.looseObject({
  amount: z
    .number({ error: "amount_invalid" })
    .int({ error: "amount_invalid" })
    .min(1, { error: "amount_invalid" })
    .optional(),
  reference: z.string({ error: "reference_invalid" }).max(50, { error: "reference_invalid" }).optional(),
  metadata: flatMetadata.optional(),
});

const paymentTypes = ["regular", "recurring", "moto", "installment", "pay_later", "unscheduled"] as const;

/** POST and PUT /payments/setups: partial on purpose, a setup is filled in over the customer's journey. */
export const paymentSetupRequestSchema = z.looseObject({
  processing_channel_id: processingChannelId.optional(),
  amount: z
    .number({ error: "amount_invalid" })
    .int({ error: "amount_invalid" })
    .min(1, { error: "amount_invalid" })
    .optional(),
  currency: z
    .string({ error: "currency_invalid" })
    .regex(/^[A-Z]{3}$/, { error: "currency_invalid" })
    .optional(),
  payment_type: z
    .string({ error: "payment_type_invalid" })
    .refine((t) => (paymentTypes as readonly string[]).includes(t.toLowerCase()), { error: "payment_type_invalid" })
    .optional(),
  reference: z.string({ error: "reference_invalid" }).max(80, { error: "reference_invalid" }).optional(),
  description: z.string({ error: "description_invalid" }).max(100, { error: "description_invalid" }).optional(),
  customer: customer.optional(),
  settings: z
    .object(
      {
        success_url: httpUrl("success_url_invalid").optional(),
        failure_url: httpUrl("fail_url_invalid").optional(),
        capture: z.boolean({ error: "capture_invalid" }).optional(),
        excluded_payment_methods: z.array(z.string(), { error: "excluded_payment_methods_invalid" }).optional(),
      },
      { error: "settings_invalid" },
    )
    .optional(),
});

/** The distinct error codes of a failed parse, in order of appearance. */
export function errorCodesOf(error: z.ZodError): string[] {
  return [...new Set(error.issues.map((issue) => issue.message))];
}

export type ParsedBody = { kind: "ok"; value: Record<string, unknown> } | { kind: "malformed" };

/** The body as a JSON object ({} when empty), or "malformed" for text that is not a JSON object. */
export function readJsonObject(bodyText: string): ParsedBody {
  if (!bodyText.trim()) return { kind: "ok", value: {} };
  try {
    const value: unknown = JSON.parse(bodyText);
    if (value && typeof value === "object" && !Array.isArray(value))
      return { kind: "ok", value: value as Record<string, unknown> };
  } catch {
    // fall through
  }
  return { kind: "malformed" };
}
