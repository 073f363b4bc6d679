import { AmountPrecisionError, currencyExponent, isKnownCurrency } from "./currency";

/**
 * Minor units → the decimal string a provider expects in major units, e.g. 1050n HKD → "10.50",
 * 5n JPY → "5", -1n USD → "-0.01". Exact: no floating point anywhere.
 */
export function minorToMajorString(minor: bigint, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = minor < 0n;
  const digits = (negative ? -minor : minor).toString().padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  return `${negative ? "-" : ""}${whole}${exponent > 0 ? `.${fraction}` : ""}`;
}

/**
 * A provider's major-unit amount (a JSON number or decimal string) → exact minor units.
 * Refuses more fraction digits than the currency has (after trimming trailing zeros) rather
 * than rounding silently: 10.5 HKD → 1050n, "10.505" HKD → AmountPrecisionError.
 */
export function majorToMinor(value: number | string, currency: string): bigint {
  const exponent = currencyExponent(currency);
  const text = typeof value === "number" ? numberToPlainString(value) : value.trim();
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) throw new AmountPrecisionError(`"${text}" is not a decimal amount`);
  const [, sign, whole = "0", rawFraction = ""] = match;
  const fraction = rawFraction.replace(/0+$/, "");
  if (fraction.length > exponent) {
    throw new AmountPrecisionError(`${text} ${currency} has more than ${exponent} decimal places`);
  }
  const minor = BigInt(whole) * 10n ** BigInt(exponent) + BigInt(fraction.padEnd(exponent, "0") || "0");
  return sign ? -minor : minor;
}

/** JSON numbers reach us as doubles; their shortest round-trip text is the decimal the sender meant. */
function numberToPlainString(value: number): string {
  if (!Number.isFinite(value)) throw new AmountPrecisionError(`${value} is not a finite amount`);
  const text = String(value);
  if (!/e/i.test(text)) return text;
  // Exponent form (1e21, 1e-7): expand exactly without floating-point arithmetic.
  const [mantissa = "0", exp = "0"] = text.toLowerCase().split("e");
  const negative = mantissa.startsWith("-");
  const [intPart = "0", fracPart = ""] = mantissa.replace("-", "").split(".");
  const shift = Number(exp);
  const digits = intPart + fracPart;
  const point = intPart.length + shift;
  const expanded =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${negative ? "-" : ""}${expanded}`;
}

/**
 * For display: 1234567n HKD → "HK$12,345.67" in the given locale. A currency outside ISO 4217
 * is never guessed at: "12345 ZZZ (minor units)", the provider's number as received.
 */
export function formatMinor(minor: bigint, currency: string, locale = "en-US"): string {
  if (!isKnownCurrency(currency)) return `${minor.toString()} ${currency} (minor units)`;
  const exponent = currencyExponent(currency);
  const formatter = new Intl.NumberFormat(locale, {
    style: "currency",
    currency,
    minimumFractionDigits: exponent,
    maximumFractionDigits: exponent,
  });
  // Intl accepts decimal strings exactly (no double rounding) for amounts beyond 2^53.
  return formatter.format(minorToMajorString(minor, currency) as unknown as number);
}

/**
 * An amount as a person types it, in major units: "1000.50", or with thousands separators
 * "1,000.50" (commas only between groups of three). The plain decimal text, or null when it is
 * not an amount. Never a float.
 */
export function typedAmountText(value: string): string | null {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return text;
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(text)) return text.replaceAll(",", "");
  return null;
}
