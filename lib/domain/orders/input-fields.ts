import type { CountryCode } from "libphonenumber-js";
import { z } from "zod";
import { typedText } from "@/lib/app/validation/text";
import type { InputField } from "@/lib/integrations/providers/octopus-cards/types";
import { fallbackPhoneCountry, isPhoneFieldName, normalisePhone } from "./phone/normalise-phone";

/** The rule a pattern stands for, in words: "5 to 20 digits" rather than "the expected format". */
export function patternRule(pattern: string): string {
  const digits = /^\^(?:\[0-9\]|\\d)\{(\d+)(?:,(\d+))?\}\$$/.exec(pattern);
  if (digits)
    return `must be ${digits[2] ? `${digits[1]} to ${digits[2]}` : digits[1]} digits, with no spaces or letters`;
  return "is not in the format the operator expects; check it with the recipient";
}

/**
 * A topup product's input_fields as a zod schema: required fields must be present, a pattern
 * (when given) must match, and no other key is accepted (the provider refuses unknown keys).
 * Phone numbers are read as people type them (national or international, spaces and dashes)
 * and sent as E.164. The same schema checks the form in the browser and the action's input on
 * the server; messages name the rule, the form puts the field's label before them.
 */
export function inputFieldsSchema(fields: readonly InputField[], phoneCountry: CountryCode = fallbackPhoneCountry) {
  const shape: Record<string, z.ZodType<string | undefined>> = {};
  for (const field of fields) {
    let value: z.ZodType<string> = typedText({ max: 200 });
    if (isPhoneFieldName(field.name)) {
      value = value.transform((v, ctx) => {
        if (v === "") return v;
        const phone = normalisePhone(v, phoneCountry);
        if (phone.ok) return phone.e164;
        ctx.addIssue({ code: "custom", message: phone.rule });
        return z.NEVER;
      });
    } else if (field.pattern) {
      const pattern = new RegExp(field.pattern);
      value = value.refine((v) => v === "" || pattern.test(v), patternRule(field.pattern));
    }
    shape[field.name] = field.required ? value.refine((v) => v !== "", "is required") : value.optional();
  }
  return z
    .strictObject(shape)
    .transform((data) =>
      Object.fromEntries(
        Object.entries(data).filter((e): e is [string, string] => typeof e[1] === "string" && e[1] !== ""),
      ),
    );
}
