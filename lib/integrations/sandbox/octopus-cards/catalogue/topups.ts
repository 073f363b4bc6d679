/** The sandbox topup catalogue (providers.md §3.8; input_fields shape is [OURS] §3.12 #5). */
export interface InputField {
  name: string;
  label: string;
  required: boolean;
  type: "string";
  pattern: string | null;
}

export interface TopupVariant {
  id: number;
  product_id: number;
  name: string;
  category: "Airtime" | "Data" | "Bundle";
  currency_code: string;
  fixed_amounts: number[] | null;
  min_amount: number | null;
  max_amount: number | null;
}

export interface TopupProduct {
  id: number;
  name: string;
  topup_type: "GAMING" | "MOBILE";
  country_code: string;
  currency_code: string;
  image_url: string;
  /** Percentage discount applied to the face value. */
  discount: number;
  input_fields: InputField[];
  /** E.164 prefixes of the operator (MOBILE only), used by POST /topups/lookup. */
  operator_prefixes: string[];
}

const e164 = "^\\+[1-9]\\d{6,14}$";
const gamingFields: InputField[] = [
  { name: "player_id", label: "Player ID", required: true, type: "string", pattern: "^[0-9]{5,20}$" },
  { name: "server", label: "Server", required: true, type: "string", pattern: null },
];
const mobileFields: InputField[] = [
  { name: "phone_number", label: "Phone number", required: true, type: "string", pattern: e164 },
];

const gaming = (id: number, name: string, currency: string, discount: number): TopupProduct => ({
  id,
  name,
  topup_type: "GAMING",
  country_code: "GLO",
  currency_code: currency,
  image_url: `https://sandbox-cdn.octopuscards.test/topups/${id}.png`,
  discount,
  input_fields: gamingFields,
  operator_prefixes: [],
});

const mobile = (
  id: number,
  name: string,
  country: string,
  currency: string,
  prefixes: string[],
  discount: number,
): TopupProduct => ({
  id,
  name,
  topup_type: "MOBILE",
  country_code: country,
  currency_code: currency,
  image_url: `https://sandbox-cdn.octopuscards.test/topups/${id}.png`,
  discount,
  input_fields: mobileFields,
  operator_prefixes: prefixes,
});

export const topupProducts: TopupProduct[] = [
  gaming(4218, "PUBG Mobile UC", "USD", 5),
  gaming(4219, "Mobile Legends Diamonds", "USD", 4),
  gaming(4220, "Genshin Impact Genesis Crystals", "USD", 3),
  mobile(5101, "CSL Hong Kong", "HKG", "HKD", ["+8525", "+8526", "+852"], 2),
  mobile(5102, "SmarTone Hong Kong", "HKG", "HKD", ["+8529", "+852"], 2),
  mobile(5201, "Airtel India", "IND", "INR", ["+9198", "+9188", "+91"], 3),
  mobile(5202, "Jio India", "IND", "INR", ["+9170", "+91"], 3),
  mobile(5301, "T-Mobile US", "USA", "USD", ["+1"], 1),
];

const variant = (
  id: number,
  product_id: number,
  name: string,
  category: TopupVariant["category"],
  currency_code: string,
  amounts: number[] | [min: number, max: number, range: "range"],
): TopupVariant =>
  amounts[2] === "range"
    ? {
        id,
        product_id,
        name,
        category,
        currency_code,
        fixed_amounts: null,
        min_amount: amounts[0],
        max_amount: amounts[1],
      }
    : {
        id,
        product_id,
        name,
        category,
        currency_code,
        fixed_amounts: amounts as number[],
        min_amount: null,
        max_amount: null,
      };

export const topupVariants: TopupVariant[] = [
  variant(61, 4218, "UC packs", "Bundle", "USD", [0.99, 4.99, 9.99, 24.99]),
  variant(62, 4219, "Diamond packs", "Bundle", "USD", [1.99, 5.99, 19.99]),
  variant(63, 4220, "Genesis Crystals", "Bundle", "USD", [4.99, 14.99, 29.99]),
  variant(71, 5101, "CSL prepaid airtime", "Airtime", "HKD", [10, 500, "range"]),
  variant(72, 5101, "CSL 10GB data pass", "Data", "HKD", [88, 128]),
  variant(73, 5102, "SmarTone airtime", "Airtime", "HKD", [50, 100, 300]),
  variant(81, 5201, "Airtel airtime", "Airtime", "INR", [10, 5000, "range"]),
  variant(82, 5201, "Airtel unlimited bundle", "Bundle", "INR", [299, 599]),
  variant(83, 5202, "Jio data", "Data", "INR", [149, 239, 666]),
  variant(91, 5301, "T-Mobile prepaid refill", "Airtime", "USD", [5, 100, "range"]),
];

export const findTopupProduct = (id: number) => topupProducts.find((p) => p.id === id);
export const findTopupVariant = (id: number) => topupVariants.find((v) => v.id === id);
export const variantsOfTopupProduct = (productId: number) => topupVariants.filter((v) => v.product_id === productId);
