import { describe, expect, it } from "vitest";
import { heldSentence } from "./held-sentence";

describe("heldSentence", () => {
  it("names the amount and how many orders it is held for", () => {
    expect(heldSentence(965n, 1, "USD")).toBe(
      "$9.65 is held in our ledger for 1 order whose outcome we are still checking with Octopus Cards; it is matched or released when they answer.",
    );
    expect(heldSentence(2_000n, 2, "USD")).toMatch(/^\$20\.00 is held in our ledger for 2 orders /);
  });
});
