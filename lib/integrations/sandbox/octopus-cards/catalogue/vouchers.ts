/** The sandbox voucher catalogue (providers.md §3.7 product fields). Discounts are percentages. */
export interface VoucherProduct {
  id: number;
  name: string;
  category: string;
  sub_category: string;
  country_id: number;
  country_code: string;
  currency_code: string;
  image_url: string;
  delivery_mode: string;
  delivery_time: string;
  validity: string;
  available_denominations: { min_value: number; max_value: number; discount: number }[];
}

const product = (
  id: number,
  name: string,
  [category, sub_category]: [string, string],
  [country_id, country_code, currency_code]: [number, string, string],
  available_denominations: VoucherProduct["available_denominations"],
): VoucherProduct => ({
  id,
  name,
  category,
  sub_category,
  country_id,
  country_code,
  currency_code,
  image_url: `https://sandbox-cdn.octopuscards.test/products/${id}.png`,
  delivery_mode: "ONLINE",
  delivery_time: "INSTANT",
  validity: "12 months",
  available_denominations,
});

const fixed = (values: number[], discount: number) => values.map((v) => ({ min_value: v, max_value: v, discount }));
const US: [number, string, string] = [1, "USA", "USD"];
const HK: [number, string, string] = [2, "HKG", "HKD"];
const IN: [number, string, string] = [3, "IND", "INR"];
const DE: [number, string, string] = [4, "DEU", "EUR"];
const GB: [number, string, string] = [5, "GBR", "GBP"];
const SG: [number, string, string] = [6, "SGP", "SGD"];

export const voucherProducts: VoucherProduct[] = [
  product(123, "Steam Wallet Card", ["Gaming", "PC Games"], US, fixed([10, 20, 50, 100], 3.5)),
  product(124, "PlayStation Store Card", ["Gaming", "Console"], US, fixed([10, 25, 50], 2)),
  product(125, "Xbox Gift Card", ["Gaming", "Console"], GB, fixed([15, 25, 50], 2.5)),
  product(126, "Amazon.com Gift Card", ["Shopping", "Marketplaces"], US, [
    { min_value: 1, max_value: 500, discount: 1.5 },
  ]),
  product(127, "Amazon.in Gift Card", ["Shopping", "Marketplaces"], IN, [
    { min_value: 100, max_value: 10000, discount: 2 },
  ]),
  product(128, "Zalando Gift Card", ["Shopping", "Fashion"], DE, fixed([25, 50, 100], 4)),
  product(129, "Netflix Gift Card", ["Entertainment", "Streaming"], US, fixed([25, 50], 0)),
  product(130, "Spotify Premium", ["Entertainment", "Streaming"], GB, fixed([10, 30, 60], 3)),
  product(131, "HKTVmall e-Voucher", ["Shopping", "Marketplaces"], HK, [
    { min_value: 50, max_value: 2000, discount: 2.5 },
  ]),
  product(132, "Starbucks HK Card", ["Food & Dining", "Coffee"], HK, fixed([100, 200, 500], 5)),
  product(133, "Google Play Gift Card", ["Gaming", "PC Games"], IN, fixed([100, 500, 1000], 1)),
  product(134, "Grab Gift Card", ["Food & Dining", "Coffee"], SG, [{ min_value: 5, max_value: 200, discount: 3 }]),
];

export function findVoucherProduct(id: number): VoucherProduct | undefined {
  return voucherProducts.find((p) => p.id === id);
}
