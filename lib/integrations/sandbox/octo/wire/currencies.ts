/** [DOC / 3P, providers.md §2.10] OCTO takes UZS and USD (RUB too, per the iota spec); amounts are decimal major units. */
export const octoCurrencies = ["UZS", "USD", "RUB"] as const;
export type OctoCurrency = (typeof octoCurrencies)[number];
