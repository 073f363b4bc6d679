import { describe, expect, it } from "vitest";
import { retryHref } from "./order-detail";
import type { OrderRow } from "./transition-order";

const failed = {
  id: "5f0c6f0e-1111-4222-8333-444455556666",
  vertical: "topup",
  productId: 5101,
  variantId: 72,
  quantity: 1,
  faceValueMinor: 8_800n,
  faceValueCurrency: "HKD",
  walletId: 2,
  clientReference: "SIM_FAIL_INVALID_RECIPIENT-ORD-1",
  details: { inputData: { phone_number: "+85251234567" } },
} as unknown as OrderRow;

describe("retryHref", () => {
  it("pre-fills the quote step with the failed order's choices, never its client_reference", () => {
    const url = new URL(retryHref(failed), "http://x");
    expect(url.pathname).toBe("/orders/new/quote");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      vertical: "topup",
      productId: "5101",
      variantId: "72",
      amount: "88.00",
      quantity: "1",
      walletId: "2",
      "input.phone_number": "+85251234567",
      retryOf: failed.id,
    });
  });
});
