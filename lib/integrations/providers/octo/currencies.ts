/** The currencies OCTO accepts (iota spec enum); all three carry 2 decimals at OCTO's API. Pure, so browser code can use it. */
export const octoCurrencies = ["UZS", "USD", "RUB"] as const;
export type OctoCurrency = (typeof octoCurrencies)[number];

export function isOctoCurrency(value: string): value is OctoCurrency {
  return (octoCurrencies as readonly string[]).includes(value);
}
