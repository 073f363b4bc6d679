import { formatMinor } from "@/lib/platform/money/convert";
import { isKnownCurrency } from "@/lib/platform/money/currency";

/** A currency without a known exponent is shown in minor units, labelled so, never guessed. */
export function moneyText(minor: bigint, currency: string): string {
  return isKnownCurrency(currency) ? formatMinor(minor, currency) : `${minor.toString()} ${currency} (minor units)`;
}
