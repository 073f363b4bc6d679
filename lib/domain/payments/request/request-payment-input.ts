import { z } from "zod";
import { optionalTypedText, typedText } from "@/lib/app/validation/text";
import { AmountPrecisionError } from "@/lib/platform/money/currency";
import { majorToMinor, typedAmountText } from "@/lib/platform/money/convert";
import { paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import type { PaymentProviderProfile, RequestFlowProfile } from "@/lib/integrations/providers/provider-profile";
import { paymentProviderProfiles } from "@/lib/integrations/providers/provider-profiles";

type Profiles = typeof paymentProviderProfiles;

/** The ways finance can ask a customer for money: every provider profile's request flows, by stored name. */
export type RequestMethod = {
  [Name in PaymentProviderName]: keyof Profiles[Name]["requestFlows"] & string;
}[PaymentProviderName];

const servedFlows = new Map<
  string,
  { provider: PaymentProviderName; profile: PaymentProviderProfile<string>; flow: RequestFlowProfile }
>();
for (const provider of paymentProviders) {
  const profile: PaymentProviderProfile<string> = paymentProviderProfiles[provider];
  for (const [method, flow] of Object.entries(profile.requestFlows)) {
    const other = servedFlows.get(method);
    // payments.flow names a flow alone, so two providers may not share a name.
    if (other) throw new Error(`${profile.label} and ${other.profile.label} both name a request flow ${method}`);
    servedFlows.set(method, { provider, profile, flow });
  }
}

export const requestMethods = [...servedFlows.keys()] as [RequestMethod, ...RequestMethod[]];

const flowOf = (method: RequestMethod) => {
  const served = servedFlows.get(method);
  if (!served) throw new Error(`no payment provider serves the ${method} flow`);
  return served;
};

export const requestMethodLabels = Object.fromEntries(
  requestMethods.map((method) => [method, flowOf(method).flow.label]),
) as Record<RequestMethod, string>;

/** Octopus settles in HKD only; OCTO accepts its three currencies. */
export const currenciesOf = Object.fromEntries(
  requestMethods.map((method) => [method, flowOf(method).flow.currencies]),
) as Record<RequestMethod, readonly string[]>;

export const providerOf = (method: RequestMethod): PaymentProviderName => flowOf(method).provider;

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
function amountIssue(input: {
  method?: unknown;
  currency?: unknown;
  amount?: unknown;
}): { path: string[]; message: string } | null {
  const method = requestMethods.find((m) => m === input.method);
  if (!method || typeof input.currency !== "string" || typeof input.amount !== "string" || input.amount === "")
    return null;
  const currency = input.currency;
  if (!currenciesOf[method].includes(currency))
    return { path: ["currency"], message: `must be one of ${currenciesOf[method].join(", ")} for this flow` };
  if (!/^-?\d+(\.\d+)?$/.test(plainAmount(input.amount)))
    return { path: ["amount"], message: "must be a number such as 125.50 or 1,250.00" };
  let amountMinor: bigint;
  try {
    amountMinor = majorToMinor(plainAmount(input.amount), currency);
  } catch (error) {
    if (!(error instanceof AmountPrecisionError)) throw error;
    return { path: ["amount"], message: `has more decimals than ${currency} allows` };
  }
  if (amountMinor <= 0n) return { path: ["amount"], message: "must be greater than zero" };
  const providerIssue = flowOf(method).profile.requestAmountIssue?.(amountMinor);
  if (providerIssue) return { path: ["amount"], message: providerIssue };
  if (amountMinor > BigInt(Number.MAX_SAFE_INTEGER))
    return { path: ["amount"], message: "is larger than the providers accept" };
  return null;
}

export type RequestPaymentInput = z.output<typeof requestPaymentInput>;
