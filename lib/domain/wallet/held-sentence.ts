import { formatMinor } from "@/lib/platform/money/convert";

/** What the reconciliation says about debits held for orders whose outcome we are still checking. */
export function heldSentence(heldMinor: bigint, orderCount: number, currency: string): string {
  const orders = orderCount === 1 ? "1 order" : `${orderCount} orders`;
  return `${formatMinor(heldMinor, currency)} is held in our ledger for ${orders} whose outcome we are still checking with Octopus Cards; it is matched or released when they answer.`;
}
