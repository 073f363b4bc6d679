import { describe, expect, it } from "vitest";
import { countryLabel, matchCountry } from "./countries";

describe("countries", () => {
  const offered = ["JPN", "HKG", "USA", "GLO", "EUR"];
  it.each(["Japan", "japan", "JP", "jp", "JPN", " Japan "])("%j finds Japan", (typed) => {
    expect(matchCountry(typed, offered)).toBe("JPN");
  });
  it("finds regions by their label and nothing for an unknown name", () => {
    expect(matchCountry("Global", offered)).toBe("GLO");
    expect(matchCountry("Atlantis", offered)).toBeUndefined();
    expect(matchCountry("", offered)).toBeUndefined();
  });
  it("names codes, falling back to the code", () => {
    expect(countryLabel("HKG")).toBe("Hong Kong");
    expect(countryLabel("XQZ")).toBe("XQZ");
  });
});
