import { minorToMajorString } from "@/lib/platform/money/convert";
import { isKnownCurrency } from "@/lib/platform/money/currency";
import { csvDecimal, type CsvDecimal } from "./csv";

/** Exact major-unit text; empty for a currency we have no exponent for (never a guess). */
export function csvMajorOrEmpty(minor: bigint, currency: string): CsvDecimal | null {
  return isKnownCurrency(currency) ? csvDecimal(minorToMajorString(minor, currency)) : null;
}
