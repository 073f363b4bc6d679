import { z } from "zod";
import { optionalTypedText, typedText } from "@/lib/validation/text";
import { AmountPrecisionError } from "@/lib/money/currency";
import { majorToMinor, typedAmountText } from "@/lib/money/convert";
import { octoCurrencies } from "@/lib/providers/octo/amounts";

/** The ways finance can ask a customer for money; each is a provider flow of providers.md. */
export const requestMethods = ["checkout_api", "checkout_setup", "octo"] as const;
export type RequestMethod = (typeof requestMethods)[number];

export const requestMethodLabels: Record<RequestMethod, string> = {
  checkout_api: "Octopus via Checkout.com: one API call (POST /payments)",
  checkout_setup: "Octopus via Checkout.com: Payment Setup, then confirm",
  octo: "OCTO (Uzbekistan): prepare_payment",
};

/** Octopus settles in HKD only; OCTO accepts its three currencies. */
export const currenciesOf: Record<RequestMethod, readonly string[]> = {
  checkout_api: ["HKD"],
  checkout_setup: ["HKD"],
  octo: octoCurrencies,
};

export const providerOf = (method: RequestMethod) => (method === "octo" ? ("octo" as const) : ("checkout" as const));

const optionalText = (max: number) => optionalTypedText({ max });

/**
 * The request-payment form. The amount is typed in major units and converted exactly with the
 * currency's ISO 4217 exponent; the idempotency key is minted when the form is rendered, so a
 * double click or a resubmitted form can never create a second payment.
 */
export const requestPaymentInput = z
  .object({
    method: z.enum(requestMethods, { error: "must be one of the offered flows" }),
    currency: typedText({ max: 3 }).toUpperCase(),
    amount: typedText({ max: 40 }).min(1, "is required"),
    reference: z
      .string()
      .trim()
      .max(50, "must be at most 50 characters")
      .regex(/^[A-Za-z0-9._-]*$/, "may contain only letters, digits, dot, dash and underscore")
      .optional()
      .transform((value) => (value ? value : undefined)),
    description: optionalText(200),
    customerEmail: z
      .union([z.literal(""), z.email("must be an email address")])
      .optional()
      .transform((value) => (value ? value.toLowerCase() : undefined)),
    customerName: optionalText(100),
    idempotencyKey: z.uuid("is missing or malformed; reload the form"),
  })
  // A check (not a refinement) so that these rules are reported together with any other field's.
  .check((ctx) => {
    const issue = amountIssue(ctx.value);
    if (issue) ctx.issues.push({ code: "custom", input: ctx.value, ...issue });
  })
  .transform((input) => ({
    method: input.method,
    currency: input.currency,
    amountMinor: majorToMinor(plainAmount(input.amount), input.currency),
    reference: input.reference,
    description: input.description,
    customerEmail: input.customerEmail,
    customerName: input.customerName,
    idempotencyKey: input.idempotencyKey,
  }));

/** The typed amount without thousands separators ("1,000.50" → "1000.50"); anything else as typed. */
const plainAmount = (typed: string): string => {
  const negative = typed.trim().startsWith("-");
  const text = typedAmountText(negative ? typed.trim().slice(1) : typed);
  return text === null ? typed.trim() : `${negative ? "-" : ""}${text}`;
};

/** The cross-field rules of amount and currency for the chosen flow, or null when they hold. */
function amountIssue(input: { method?: unknown; currency?: unknown; amount?: unknown }): { path: string[]; message: string } | null {
  const method = requestMethods.find((m) => m === input.method);
  if (!method || typeof input.currency !== "string" || typeof input.amount !== "string" || input.amount === "") return null;
  const currency = input.currency;
  if (!currenciesOf[method].includes(currency)) return { path: ["currency"], message: `must be one of ${currenciesOf[method].join(", ")} for this flow` };
  if (!/^-?\d+(\.\d+)?$/.test(plainAmount(input.amount))) return { path: ["amount"], message: "must be a number such as 125.50 or 1,250.00" };
  let amountMinor: bigint;
  try {
    amountMinor = majorToMinor(plainAmount(input.amount), currency);
  } catch (error) {
    if (!(error instanceof AmountPrecisionError)) throw error;
    return { path: ["amount"], message: `has more decimals than ${currency} allows` };
  }
  if (amountMinor <= 0n) return { path: ["amount"], message: "must be greater than zero" };
  // Checkout.com: "For Octopus, payment and refund amounts must end in a 0" (minor units).
  if (providerOf(method) === "checkout" && amountMinor % 10n !== 0n) return { path: ["amount"], message: "must be a multiple of 0.10 for Octopus" };
  if (amountMinor > BigInt(Number.MAX_SAFE_INTEGER)) return { path: ["amount"], message: "is larger than the providers accept" };
  return null;
}

export type RequestPaymentInput = z.output<typeof requestPaymentInput>;
