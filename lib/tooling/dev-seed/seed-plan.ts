import type { RequestMethod } from "@/lib/domain/payments/request/request-payment-input";

/** What the simulated customer does on the provider's page. */
export type CustomerDecision = "approve" | "decline" | "cancel" | "expire" | "abandon";

/** What finance later refunds of a captured payment. */
export type SeedRefund = "none" | "partial" | "full";

export interface SeedPayment {
  method: RequestMethod;
  currency: string;
  amountMajor: string;
  decision: CustomerDecision;
  refund: SeedRefund;
  requestedAt: Date;
  customerName: string;
  customerEmail: string;
  description: string;
}

/** Small deterministic PRNG (mulberry32): the same seed gives the same history every time. */
export function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const firstNames = [
  "Mei",
  "Ka Wai",
  "Jun",
  "Aziz",
  "Dilnoza",
  "Sardor",
  "Olivia",
  "Wing",
  "Timur",
  "Nodira",
  "Hiu Tung",
  "Bekzod",
  "Grace",
  "Rustam",
  "Chi Ho",
];
const lastNames = [
  "Chan",
  "Wong",
  "Lee",
  "Karimov",
  "Yusupova",
  "Tashkentov",
  "Ng",
  "Cheung",
  "Rakhimov",
  "Lau",
  "Alimova",
  "Ho",
];
const goods = [
  "Annual membership",
  "Dim sum voucher",
  "Airport transfer",
  "Spa package",
  "Language course",
  "Concert tickets",
  "Hotel deposit",
  "Gift card",
  "Tour booking",
];

function pick<T>(random: () => number, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("cannot pick from an empty list");
  return item;
}

function weighted<T>(random: () => number, choices: ReadonlyArray<readonly [T, number]>): T {
  const total = choices.reduce((sum, [, weight]) => sum + weight, 0);
  let roll = random() * total;
  for (const [value, weight] of choices) {
    roll -= weight;
    if (roll < 0) return value;
  }
  const last = choices.at(-1);
  if (!last) throw new Error("no choices");
  return last[0];
}

/** A whole number of cents/tiyin in [min, max] major units, as the decimal string a user types. */
function amountBetween(random: () => number, min: number, max: number): string {
  const minor = Math.round((min + random() * (max - min)) * 100);
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

const amountRanges: Record<string, readonly [number, number]> = {
  HKD: [20, 4_000],
  UZS: [15_000, 3_000_000],
  USD: [2, 400],
  RUB: [150, 30_000],
};

/**
 * A realistic few hundred payments spread over the last `days` days, in every status and every
 * currency the flows take. Amounts avoid the providers' trigger endings (…10, …51 to …53, …77,
 * …99) so that later refunds of these payments behave normally unless a tester chooses otherwise.
 */
export function planSeedHistory(options: { count: number; days: number; now: Date; seed?: number }): SeedPayment[] {
  const random = prng(options.seed ?? 20_261_121);
  const plan: SeedPayment[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const method = weighted<RequestMethod>(random, [
      ["checkout_api", 45],
      ["checkout_setup", 20],
      ["octo", 35],
    ]);
    const currency =
      method === "octo"
        ? weighted(random, [
            ["UZS", 60],
            ["USD", 30],
            ["RUB", 10],
          ] as const)
        : "HKD";
    const [min, max] = amountRanges[currency] ?? [1, 100];
    let amountMajor = amountBetween(random, min, max);
    // Octopus amounts end in 0 (minor units).
    if (currency === "HKD") amountMajor = amountMajor.replace(/\d$/, "0");
    if (/(10|5[1-3]|77|99)$/.test(amountMajor.replace(".", ""))) amountMajor = amountMajor.replace(/\d\d$/, "00");
    // OCTO's sandbox page offers approve and decline only; Checkout.com's landing page all four.
    const decision =
      method === "octo"
        ? weighted<CustomerDecision>(random, [
            ["approve", 75],
            ["decline", 15],
            ["abandon", 10],
          ])
        : weighted<CustomerDecision>(random, [
            ["approve", 70],
            ["decline", 10],
            ["cancel", 8],
            ["expire", 7],
            ["abandon", 5],
          ]);
    const refund = weighted<SeedRefund>(random, [
      ["none", 80],
      ["partial", 14],
      ["full", 6],
    ]);
    const first = pick(random, firstNames);
    const last = pick(random, lastNames);
    // Newest last, so the history reads in order; the most recent ones may still be pending.
    const ageMs = ((options.count - index) / options.count) * options.days * 86_400_000 * (0.9 + random() * 0.1);
    plan.push({
      method,
      currency,
      amountMajor,
      decision,
      refund,
      requestedAt: new Date(options.now.getTime() - ageMs),
      customerName: `${first} ${last}`,
      customerEmail: `${first.toLowerCase().replace(/\s/g, "")}.${last.toLowerCase()}${index}@customer.example`,
      description: pick(random, goods),
    });
  }
  return plan;
}
