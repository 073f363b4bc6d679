import { z } from "zod";
import { paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import type { PaymentProviderProfile } from "@/lib/integrations/providers/provider-profile";
import { paymentProviderProfiles } from "@/lib/integrations/providers/provider-profiles";
import { typedText } from "./text";

const blankToUndefined = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

const providerChoices = paymentProviders.map((name) => paymentProviderProfiles[name].label).join(" or ");

/**
 * Import a payment made at the provider, by the rules of the provider's profile: the id's shape,
 * and the currency where the provider's answers carry none (OCTO looks payments up by
 * shop_transaction_id only, so an OCTO payment not yet in the ledger needs the currency from
 * staff; the service asks for it when it is missing). A currency given for a provider that says
 * its own is ignored.
 */
export const importPaymentInput = z
  .object({
    provider: z.enum(paymentProviders, { error: `must be ${providerChoices}` }),
    paymentId: typedText({ max: 255 }).min(1, "is required"),
    currency: z.preprocess(blankToUndefined, typedText({ max: 3 }).toUpperCase().optional()),
  })
  // A check (not a refinement) so these rules are reported with any other field's; it runs on
  // whatever parsed, so each value is looked at only when it is there.
  .check((ctx) => {
    const provider = paymentProviders.find((name) => name === ctx.value.provider);
    if (!provider) return;
    const rules = (paymentProviderProfiles[provider] as PaymentProviderProfile<string>).import;
    const { paymentId, currency } = ctx.value;
    if (rules.idFormat && typeof paymentId === "string" && paymentId && !rules.idFormat.pattern.test(paymentId))
      ctx.issues.push({ code: "custom", input: paymentId, path: ["paymentId"], message: rules.idFormat.message });
    if (rules.currencies && typeof currency === "string" && !rules.currencies.includes(currency))
      ctx.issues.push({
        code: "custom",
        input: currency,
        path: ["currency"],
        message: `must be one of ${rules.currencies.join(", ")}`,
      });
  })
  .transform(({ provider, paymentId, currency }): ImportPaymentInput => {
    const profile: PaymentProviderProfile<string> = paymentProviderProfiles[provider];
    return profile.import.currencies && currency !== undefined
      ? { provider, paymentId, currency }
      : { provider, paymentId };
  });

export interface ImportPaymentInput {
  provider: PaymentProviderName;
  paymentId: string;
  /** Only for a provider whose answers carry no currency. */
  currency?: string;
}

export const syncPaymentInput = z.object({
  paymentId: z.uuid({ error: "must be a payment id (UUID)" }),
});
