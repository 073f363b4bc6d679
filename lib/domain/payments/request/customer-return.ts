/**
 * What the customer return page can honestly say. Checkout.com sends the customer to
 * success_url only once paid and to failure_url otherwise (declined, cancelled, expired), so
 * each gets its own address; OCTO has one return_url for every outcome, so it says neither.
 */
export const customerReturnResults = ["paid", "not_paid"] as const;
export type CustomerReturnResult = (typeof customerReturnResults)[number];

export const customerReturnUrlFor = (base: string, result: CustomerReturnResult): string => `${base}?result=${result}`;

export const customerReturnResultOf = (value: string | string[] | undefined): CustomerReturnResult | null =>
  customerReturnResults.find((r) => r === value) ?? null;
