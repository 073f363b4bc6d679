import { currencyExponent } from "@/lib/platform/money/currency";
import type { Quote } from "@/lib/integrations/providers/octopus-cards/types";

/**
 * The exchange rate as a sentence with its direction, "1 HKD = 0.1282 USD", from the product's
 * currency (the quote's source) to the wallet's. Display only: the rate is never used to compute
 * money, the provider's amounts are. The direction is checked against the amounts, so a provider
 * rate quoted the other way round still reads right.
 */
export function fxRateText(quote: Quote): string | null {
  const source = quote.totalAmount.currency;
  const destination = quote.netAmount.currency;
  if (quote.forexRate === null || quote.forexRate <= 0 || source === destination) return null;
  let rate = quote.forexRate;
  const total = Number(quote.totalAmount.minor) / 10 ** currencyExponent(source);
  const net = Number(quote.netAmount.minor) / 10 ** currencyExponent(destination);
  if (total > 0 && net > 0) {
    const implied = net / total;
    if (Math.abs(Math.log(implied * rate)) < Math.abs(Math.log(implied / rate))) rate = 1 / rate;
  }
  return `1 ${source} = ${new Intl.NumberFormat("en-US", { maximumSignificantDigits: 4 }).format(rate)} ${destination}`;
}
