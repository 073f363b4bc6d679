import { describe, expect, it } from "vitest";
import { effectiveClientReference, placeOrderInput } from "./place-order-input";

const form = {
  vertical: "topup",
  productId: "5101",
  productName: "CSL Hong Kong",
  variantId: "71",
  quantity: "3",
  faceValueMajor: "100",
  faceValueCurrency: "hkd",
  walletId: "2",
  quotedChargeMajor: "98.00",
  quotedChargeCurrency: "HKD",
  "input.phone_number": "+85251234567",
  email: "",
  clientReference: "ORD-0123456789abcdef",
  sandboxOutcome: "",
  retryOf: "",
};

describe("placeOrderInput", () => {
  it("converts amounts exactly, lifts input.* fields and forces quantity 1 outside vouchers", () => {
    const parsed = placeOrderInput.parse(form);
    expect(parsed).toMatchObject({
      vertical: "topup",
      productId: 5101,
      variantId: 71,
      quantity: 1,
      faceValue: { minor: 10_000n, currency: "HKD" },
      confirmedCharge: { minor: 9_800n, currency: "HKD" },
      inputData: { phone_number: "+85251234567" },
    });
    expect(parsed.email).toBeUndefined();
    expect(parsed.retryOf).toBeUndefined();
  });
  it("names the field and the rule", () => {
    const result = placeOrderInput.safeParse({ ...form, quotedChargeMajor: "98.001", clientReference: "x" });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join("."));
    expect(paths).toContain("clientReference");
    const precision = placeOrderInput.safeParse({ ...form, quotedChargeMajor: "98.001" });
    expect(precision.error?.issues[0]).toMatchObject({
      path: ["quotedChargeMajor"],
      message: "has too many decimal places for HKD",
    });
    expect(placeOrderInput.safeParse({ ...form, sandboxOutcome: "SIM_EVIL" }).success).toBe(false);
  });
  it("prefixes the sandbox outcome only in sandbox mode", () => {
    expect(effectiveClientReference({ clientReference: "ORD-1", sandboxOutcome: "SIM_PENDING" }, true)).toBe(
      "SIM_PENDING-ORD-1",
    );
    expect(effectiveClientReference({ clientReference: "ORD-1", sandboxOutcome: "SIM_PENDING" }, false)).toBe("ORD-1");
  });
});
