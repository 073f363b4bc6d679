import { formatMinor, majorToMinor, typedAmountText } from "@/lib/platform/money/convert";
import { AmountPrecisionError } from "@/lib/platform/money/currency";

export interface AmountRange {
  min: bigint;
  max: bigint;
  currency: string;
}

export type AmountCheck = { ok: true; minor: bigint } | { ok: false; message: string };

/** "between HK$10.00 and HK$500.00" */
export function rangeText(range: AmountRange): string {
  return `between ${formatMinor(range.min, range.currency)} and ${formatMinor(range.max, range.currency)}`;
}

/**
 * A typed amount (major units, "1,000.50" allowed) checked against a product's range before it
 * is quoted; the refusal names the field and the allowed range.
 */
export function checkAmount(typed: string, range: AmountRange, label = "Amount"): AmountCheck {
  const text = typedAmountText(typed);
  if (text === null)
    return {
      ok: false,
      message: `${label} must be a number ${rangeText(range)}, e.g. ${formatMinor(range.min, range.currency)}.`,
    };
  let minor: bigint;
  try {
    minor = majorToMinor(text, range.currency);
  } catch (error) {
    if (!(error instanceof AmountPrecisionError)) throw error;
    return { ok: false, message: `${label} has too many decimal places for ${range.currency}.` };
  }
  if (minor < range.min || minor > range.max) return { ok: false, message: `${label} must be ${rangeText(range)}.` };
  return { ok: true, minor };
}
