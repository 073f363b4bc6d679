export const paymentSorts = ["newest", "oldest", "amount_desc", "amount_asc"] as const;
export type PaymentSort = (typeof paymentSorts)[number];

export const paymentSortLabels: Record<PaymentSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  amount_desc: "Amount, high to low",
  amount_asc: "Amount, low to high",
};

/** Which column the keyset runs over (always with id as the unique tie-breaker) and in which direction. */
export function sortSpec(sort: PaymentSort): { key: "createdAt" | "amountMinor"; direction: "asc" | "desc" } {
  switch (sort) {
    case "newest":
      return { key: "createdAt", direction: "desc" };
    case "oldest":
      return { key: "createdAt", direction: "asc" };
    case "amount_desc":
      return { key: "amountMinor", direction: "desc" };
    case "amount_asc":
      return { key: "amountMinor", direction: "asc" };
  }
}
