import { describe, expect, it } from "vitest";
import { parseOctoAmount, octoDecimal } from "./amounts";
import { octoJson } from "./decimal-json";
import { octoNotifySignature } from "./notify-signature";
import { octoLocalTime } from "./time";

describe("OCTO's wire conventions, as the simulator writes them (providers.md §2.2, §2.7)", () => {
  it("writes amounts as bare decimals with their exact digits, and leaves look-alike strings alone", () => {
    const text = octoJson({
      total_sum: octoDecimal(100000n, "UZS"),
      note: "1000.00",
      nested: [octoDecimal("5", "USD")],
    });
    expect(text).toBe('{"total_sum":1000.00,"note":"1000.00","nested":[0.05]}');
  });

  it("reads decimal major units exactly and refuses a third decimal", () => {
    expect(parseOctoAmount(103.33, "USD")).toBe(10333n);
    expect(parseOctoAmount("1000.00", "UZS")).toBe(100000n);
    expect(() => parseOctoAmount("1.005", "USD")).toThrow();
  });

  it("writes times as yyyy-MM-dd HH:mm:ss in Tashkent (UTC+5)", () => {
    expect(octoLocalTime(new Date("2024-12-18T11:59:39Z"))).toBe("2024-12-18 16:59:39");
    expect(octoLocalTime(new Date("2024-12-31T20:00:00Z"))).toBe("2025-01-01 01:00:00");
  });

  it("signs callbacks as UPPER(HEX(SHA1(unique_key + uuid + status)))", () => {
    // sha1("k" + "u" + "succeeded"), computed independently: printf 'kusucceeded' | sha1sum
    expect(octoNotifySignature("k", "u", "succeeded")).toBe("A3E3C8B3FA5FEA79489B1C77BE127424B2327ADD");
  });
});
