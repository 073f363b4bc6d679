import type { VoucherProduct } from "@/lib/integrations/providers/octopus-cards/types";

type CodeShape = {
  cardNumber: string | null;
  pinCode: string | null;
  claimUrl: string | null;
  expiresAt: string | null;
};

/**
 * How to redeem an order's codes, in the merchant's words, from only what Octopus Cards gives:
 * the codes' own fields (claim link, card number, PIN, expiry) and the product's validity.
 * The provider publishes no redemption text, so nothing here is invented beyond those facts.
 */
export function redemptionSteps(
  product: Pick<VoucherProduct, "name" | "validity"> | null,
  codes: readonly CodeShape[],
): string[] {
  const steps: string[] = [];
  const where = product ? `in ${product.name}` : "where the card is redeemed";
  const hasCard = codes.some((c) => c.cardNumber);
  const hasPin = codes.some((c) => c.pinCode);
  if (codes.some((c) => c.claimUrl)) steps.push("Open the code's claim link and follow the steps there.");
  if (hasCard && hasPin) steps.push(`Enter the card number and then the PIN ${where}.`);
  else if (hasCard) steps.push(`Enter the card number ${where}.`);
  else if (hasPin) steps.push(`Enter the PIN ${where}.`);
  if (product?.validity)
    steps.push(
      `Codes are valid for ${product.validity}${codes.some((c) => c.expiresAt) ? "; each code shows its own expiry date" : ""}.`,
    );
  else if (codes.some((c) => c.expiresAt)) steps.push("Use each code before the expiry date shown beside it.");
  return steps;
}
