import { describe, expect, it } from "vitest";
import { deliveredText, esimStatusText, failureSentence, recipientText } from "./order-row-text";

describe("order list texts", () => {
  it("names the recipient from the input values and the notification email, never a secret-looking field", () => {
    expect(recipientText({ inputData: { phone_number: "+85251234567" } })).toBe("+85251234567");
    expect(recipientText({ inputData: { player_id: "12345", server: "eu-1" }, email: "ops@shop.test" })).toBe(
      "Player id 12345; Server eu-1; ops@shop.test",
    );
    expect(recipientText({ inputData: { account: "A-9", account_pin: "4321", redeem_code: "XYZ" } })).toBe(
      "Account A-9",
    );
    expect(recipientText({ inputData: { phone_number: " ", other: 5 } })).toBeNull();
    expect(recipientText({})).toBeNull();
  });

  it("writes the stored failure reason as one sentence", () => {
    expect(failureSentence("the operator rejected the order")).toBe("The operator rejected the order.");
    expect(failureSentence("Nothing was charged.")).toBe("Nothing was charged.");
    expect(failureSentence("  ")).toBeNull();
    expect(failureSentence(null)).toBeNull();
  });

  it("says how many items were delivered once the provider has said", () => {
    expect(deliveredText(2, 4)).toBe("2 of 4");
    expect(deliveredText(0, 1)).toBe("0 of 1");
    expect(deliveredText(null, 4)).toBeNull();
  });

  it("words the eSIM activation state, keeping one it does not know", () => {
    expect(esimStatusText("ACTIVE")).toBe("Installed, active");
    expect(esimStatusText("NOT_INSTALLED")).toBe("Not installed");
    expect(esimStatusText("SUSPENDED")).toBe("SUSPENDED");
    expect(esimStatusText(null)).toBeNull();
  });
});
