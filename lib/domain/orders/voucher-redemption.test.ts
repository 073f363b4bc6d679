import { describe, expect, it } from "vitest";
import { redemptionSteps } from "./voucher-redemption";

const code = { cardNumber: "STEAM-1", pinCode: "1234", claimUrl: null, expiresAt: "2027-04-01T00:00:00.000Z" };

describe("redemptionSteps", () => {
  it("says what to enter and for how long, from the product and the codes", () => {
    expect(redemptionSteps({ name: "Steam Wallet Card", validity: "12 months" }, [code])).toEqual([
      "Enter the card number and then the PIN in Steam Wallet Card.",
      "Codes are valid for 12 months; each code shows its own expiry date.",
    ]);
  });

  it("points to the claim link when the provider gives one, and invents nothing it did not give", () => {
    expect(
      redemptionSteps(null, [
        { cardNumber: null, pinCode: null, claimUrl: "https://claim.example/x", expiresAt: null },
      ]),
    ).toEqual(["Open the code's claim link and follow the steps there."]);
  });
});
