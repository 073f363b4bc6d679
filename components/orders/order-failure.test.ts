import { describe, expect, it } from "vitest";
import { failureSentence } from "./order-failure";

describe("failureSentence", () => {
  it("turns our transport's HTTP wording into one sentence and keeps the provider's own reason", () => {
    expect(failureSentence({ failureReason: "Octopus Cards answered HTTP 500", failureCode: "INTERNAL_ERROR" })).toBe(
      "Octopus Cards had a fault on its side and refused the order.",
    );
    expect(failureSentence({ failureReason: "Octopus Cards answered HTTP 404", failureCode: "NOT_FOUND" })).toBe(
      "Octopus Cards refused the order.",
    );
    expect(failureSentence({ failureReason: "Invalid phone number", failureCode: "INVALID_RECIPIENT" })).toBe(
      "Invalid phone number.",
    );
    expect(failureSentence({ failureReason: null, failureCode: null })).toBeNull();
  });
});
