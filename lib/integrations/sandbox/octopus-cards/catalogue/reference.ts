/** Sandbox reference data (providers.md §3.10). In the sandbox catalogue country_id 1 is the US [DOC]. */
export const currencies = [
  { id: 1, code: "USD", name: "US Dollar", symbol: "$" },
  { id: 2, code: "HKD", name: "Hong Kong Dollar", symbol: "HK$" },
  { id: 3, code: "INR", name: "Indian Rupee", symbol: "₹" },
  { id: 4, code: "EUR", name: "Euro", symbol: "€" },
  { id: 5, code: "GBP", name: "Pound Sterling", symbol: "£" },
  { id: 6, code: "SGD", name: "Singapore Dollar", symbol: "S$" },
] as const;

export const countries = [
  { id: 1, name: "United States", iso2: "US", iso3: "USA", currency_id: 1 },
  { id: 2, name: "Hong Kong", iso2: "HK", iso3: "HKG", currency_id: 2 },
  { id: 3, name: "India", iso2: "IN", iso3: "IND", currency_id: 3 },
  { id: 4, name: "Germany", iso2: "DE", iso3: "DEU", currency_id: 4 },
  { id: 5, name: "United Kingdom", iso2: "GB", iso3: "GBR", currency_id: 5 },
  { id: 6, name: "Singapore", iso2: "SG", iso3: "SGP", currency_id: 6 },
] as const;

export const categories = [
  { id: 1, name: "Gaming" },
  { id: 2, name: "Shopping" },
  { id: 3, name: "Entertainment" },
  { id: 4, name: "Food & Dining" },
] as const;

export const subcategories = [
  { id: 1, name: "PC Games", category_id: 1 },
  { id: 2, name: "Console", category_id: 1 },
  { id: 3, name: "Marketplaces", category_id: 2 },
  { id: 4, name: "Fashion", category_id: 2 },
  { id: 5, name: "Streaming", category_id: 3 },
  { id: 6, name: "Coffee", category_id: 4 },
] as const;

export function currencyIdOf(code: string): number {
  const currency = currencies.find((c) => c.code === code);
  if (!currency) throw new RangeError(`unknown sandbox currency ${code}`);
  return currency.id;
}
