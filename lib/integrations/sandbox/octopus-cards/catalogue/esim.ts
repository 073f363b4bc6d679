/** The sandbox eSIM catalogue (providers.md §3.9): plans by country, variants by amount. */
export interface EsimVariant {
  id: number;
  product_id: number;
  name: string;
  amount: number;
  currency_code: string;
  data_amount_gb: number;
  validity_days: number;
}

export interface EsimProduct {
  id: number;
  name: string;
  country_code: string;
  currency_code: string;
  image_url: string;
  discount: number;
}

const plan = (id: number, name: string, country_code: string, discount = 5): EsimProduct => ({
  id,
  name,
  country_code,
  currency_code: "USD",
  image_url: `https://sandbox-cdn.octopuscards.test/esim/${id}.png`,
  discount,
});

export const esimProducts: EsimProduct[] = [
  plan(712, "Japan eSIM", "JPN"),
  plan(713, "Hong Kong eSIM", "HKG"),
  plan(714, "USA eSIM", "USA"),
  plan(715, "India eSIM", "IND"),
  plan(716, "United Kingdom eSIM", "GBR"),
  plan(717, "Singapore eSIM", "SGP"),
  plan(718, "Europe Regional eSIM", "EUR"),
  plan(719, "Global eSIM", "GLO", 0),
];

const tiers: [amount: number, gb: number, days: number][] = [
  [4.5, 1, 7],
  [9.5, 3, 15],
  [18, 10, 30],
];

export const esimVariants: EsimVariant[] = esimProducts.flatMap((p, index) =>
  tiers.map(([amount, gb, days], tier) => ({
    id: 8000 + index * 10 + tier,
    product_id: p.id,
    name: `${gb}GB / ${days} days`,
    amount: p.country_code === "GLO" ? amount * 2 : amount,
    currency_code: p.currency_code,
    data_amount_gb: gb,
    validity_days: days,
  })),
);

export const findEsimProduct = (id: number) => esimProducts.find((p) => p.id === id);
export const findEsimVariant = (id: number) => esimVariants.find((v) => v.id === id);
export const variantsOfEsimProduct = (productId: number) => esimVariants.filter((v) => v.product_id === productId);
