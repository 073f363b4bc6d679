export const listSorts = ["newest", "oldest", "amount_desc", "amount_asc"] as const;
export type ListSort = (typeof listSorts)[number];

export const listSortLabels: Record<ListSort, string> = {
  newest: "Newest first",
  oldest: "Oldest first",
  amount_desc: "Amount, high to low",
  amount_asc: "Amount, low to high",
};

/** True for the sorts that compare amounts, which only mean something within one currency. */
export const isAmountSort = (sort: ListSort): sort is "amount_desc" | "amount_asc" =>
  sort === "amount_desc" || sort === "amount_asc";

/** Why an amount sort without a currency is not applied (the list says so and sorts newest first). */
export const amountSortNeedsCurrency = "needs a currency: amounts in different currencies are not compared";

/**
 * Which column the keyset runs over (always with id as the unique tie-breaker) and in which
 * direction. An amount sort always comes with a currency filter (see parsePaymentListParams), so
 * (currency, amount_minor, id) is one index range walked in order.
 */
export function sortSpec(sort: ListSort): { key: "createdAt" | "amountMinor"; direction: "asc" | "desc" } {
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
