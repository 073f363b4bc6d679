import { z } from "zod";
import { typedText } from "@/lib/app/validation/text";
import { orderVerticals } from "@/drizzle/schema/orders";
import { majorToMinor } from "@/lib/platform/money/convert";
import { AmountPrecisionError, isCurrencyCode } from "@/lib/platform/money/currency";
import type { Money } from "@/lib/integrations/providers/octopus-cards/types";

/** Sandbox-only outcomes: prefixes of the client_reference the Octopus Cards simulator acts on. */
export const sandboxOutcomes = [
  "SIM_FAIL_INVALID_RECIPIENT",
  "SIM_FAIL_PLAN_UNAVAILABLE",
  "SIM_FAIL_AMOUNT_OUT_OF_RANGE",
  "SIM_FAIL_OPERATOR_REJECTED",
  "SIM_PENDING",
  "SIM_SLOW",
  "SIM_CANCEL",
  "SIM_PARTIAL",
] as const;

/** Topup input fields travel as `input.<name>` form fields. */
export const inputFieldPrefix = "input.";

const blank = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const positiveInt = (label: string) =>
  z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .positive(`${label} must be positive`);
const currency = z.string().trim().toUpperCase().refine(isCurrencyCode, "must be a supported ISO 4217 currency code");
const amount = z
  .string()
  .trim()
  .regex(/^\d{1,15}(\.\d{1,6})?$/, "must be an amount in major units, e.g. 10.50");

function moneyOf(major: string, code: string, path: string, ctx: z.RefinementCtx): Money | undefined {
  try {
    const minor = majorToMinor(major, code);
    if (minor <= 0n) {
      ctx.addIssue({ code: "custom", path: [path], message: "must be more than zero" });
      return undefined;
    }
    return { minor, currency: code };
  } catch (error) {
    if (!(error instanceof AmountPrecisionError)) throw error;
    ctx.addIssue({ code: "custom", path: [path], message: `has too many decimal places for ${code}` });
    return undefined;
  }
}

/** Lifts `input.<name>` fields of a submitted form into one inputData object. */
function gatherInputData(raw: unknown): unknown {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) return raw;
  const out: Record<string, unknown> = {};
  const inputData: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (key.startsWith(inputFieldPrefix)) inputData[key.slice(inputFieldPrefix.length)] = value;
    else out[key] = value;
  }
  if (Object.keys(inputData).length)
    out.inputData = { ...(out.inputData as Record<string, unknown> | undefined), ...inputData };
  return out;
}

/**
 * The confirm-order form. Amounts are typed in major units and converted exactly; the charge the
 * user confirmed is only compared with the server's own quote, never charged as sent. The
 * client_reference was minted when the quote was shown, so a resubmission is the same order.
 */
export const placeOrderInput = z.preprocess(
  gatherInputData,
  z
    .object({
      vertical: z.enum(orderVerticals, { error: `must be one of ${orderVerticals.join(", ")}` }),
      productId: positiveInt("productId"),
      productName: typedText({ max: 200 }).min(1, "is required"),
      variantId: z.preprocess(blank, positiveInt("variantId").optional()),
      quantity: z.preprocess(blank, positiveInt("quantity").max(100, "must be at most 100").default(1)),
      faceValueMajor: amount,
      faceValueCurrency: currency,
      walletId: positiveInt("walletId"),
      quotedChargeMajor: amount,
      quotedChargeCurrency: currency,
      inputData: z.record(z.string(), typedText({ max: 200 })).optional(),
      email: z.preprocess(blank, z.email("must be an email address").optional()),
      clientReference: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{8,80}$/, "is missing or malformed; ask for a new quote"),
      sandboxOutcome: z.preprocess(
        blank,
        z.enum(sandboxOutcomes, { error: "must be one of the sandbox outcomes" }).optional(),
      ),
      retryOf: z.preprocess(blank, z.uuid("must be an order id").optional()),
    })
    .transform((v, ctx) => {
      const faceValue = moneyOf(v.faceValueMajor, v.faceValueCurrency, "faceValueMajor", ctx);
      const confirmedCharge = moneyOf(v.quotedChargeMajor, v.quotedChargeCurrency, "quotedChargeMajor", ctx);
      if (!faceValue || !confirmedCharge) return z.NEVER;
      return {
        vertical: v.vertical,
        productId: v.productId,
        productName: v.productName,
        variantId: v.variantId,
        quantity: v.vertical === "voucher" ? v.quantity : 1,
        faceValue,
        walletId: v.walletId,
        confirmedCharge,
        inputData: v.inputData,
        email: v.email,
        clientReference: v.clientReference,
        sandboxOutcome: v.sandboxOutcome,
        retryOf: v.retryOf,
      };
    }),
);

/** The reference sent to the provider: in sandbox mode, prefixed with the chosen simulated outcome. */
export function effectiveClientReference(
  input: { clientReference: string; sandboxOutcome?: string | undefined },
  sandbox: boolean,
): string {
  return sandbox && input.sandboxOutcome ? `${input.sandboxOutcome}-${input.clientReference}` : input.clientReference;
}
