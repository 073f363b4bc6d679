import { getExampleNumber, isSupportedCountry, parsePhoneNumberFromString, type CountryCode } from "libphonenumber-js";
import examples from "libphonenumber-js/mobile/examples";

/** `rule` is the refusal without the field's label, for forms that print the label themselves. */
export type PhoneResult = { ok: true; e164: string } | { ok: false; message: string; rule: string };

/** Hong Kong: the sandbox's and most merchants' home market, when the catalogue suggests nothing else. */
export const fallbackPhoneCountry: CountryCode = "HK";

/** Topup input fields that hold the recipient's phone number (providers.md §3.8: E.164). */
export function isPhoneFieldName(name: string): boolean {
  return name === "phone_number" || name === "mobile_number";
}

export function phoneCountryOrFallback(code: string | undefined): CountryCode {
  const upper = code?.trim().toUpperCase() ?? "";
  return isSupportedCountry(upper) ? upper : fallbackPhoneCountry;
}

const regionNames = new Intl.DisplayNames(["en"], { type: "region", style: "short" });

/** "a Hong Kong number such as 5123 4567, or with the country code, such as +852 5123 4567". */
export function phoneFormatExample(country: CountryCode): string {
  const example = getExampleNumber(country, examples);
  if (!example) return "a number with its country code, such as +852 5123 4567";
  return `a ${regionNames.of(country) ?? country} number such as ${example.formatNational()}, or with the country code, such as ${example.formatInternational()}`;
}

/**
 * A phone number as a person types it (spaces, dashes, brackets, a national number, or the
 * country code without "+") to E.164, or a sentence naming the field and the expected format.
 */
export function normalisePhone(typed: string, country: CountryCode, label = "Phone number"): PhoneResult {
  const text = typed.trim();
  const rule = `must be ${phoneFormatExample(country)}`;
  const refusal: PhoneResult = { ok: false, message: `${label} ${rule}.`, rule };
  if (!/\d/.test(text) || /[a-z]/i.test(text)) return refusal;
  const candidates = [parsePhoneNumberFromString(text, country)];
  if (!text.startsWith("+")) candidates.push(parsePhoneNumberFromString(`+${text.replace(/^00/, "")}`));
  const valid = candidates.find((p) => p?.isValid());
  return valid ? { ok: true, e164: valid.number } : refusal;
}
