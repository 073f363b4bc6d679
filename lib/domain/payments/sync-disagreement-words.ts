/** What a payment sync compares, as people say it. */
const fieldWords = {
  status: "status",
  provider_status: "provider status",
  amount: "amount",
  currency: "currency",
  captured: "captured amount",
} as const;

export type DriftField = keyof typeof fieldWords;

const listWords = (words: string[]) =>
  words.length <= 1 ? (words[0] ?? "") : `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;

/** "status, amount and captured amount": the fields a sync left disagreeing, in words. */
export function disagreementInWords(fields: readonly string[]): string {
  return listWords(fields.map((field) => (field in fieldWords ? fieldWords[field as DriftField] : field)));
}
