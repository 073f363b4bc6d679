import { describe, expect, it } from "vitest";
import { AmountPrecisionError } from "@/lib/platform/money/currency";
import { fromOctoAmount, toOctoAmount, type OctoCurrency } from "./amounts";
import { OctoDecimal, stringifyOctoJson } from "./decimal-json";
import { formatOctoTime, parseOctoTime } from "./time";

describe("OCTO amount conversion", () => {
  it.each<[OctoCurrency, bigint, string]>([
    ["UZS", 15_000_000n, "150000.00"],
    ["UZS", 1_000_000_000n, "10000000.00"],
    ["USD", 10_333n, "103.33"],
    ["USD", 5n, "0.05"],
    ["RUB", 9_000n, "90.00"],
    ["RUB", 0n, "0.00"],
  ])("%s %s minor ↔ %s on the wire", (currency, minor, wire) => {
    expect(toOctoAmount(minor, currency).text).toBe(wire);
    expect(fromOctoAmount(wire, currency)).toBe(minor);
    expect(fromOctoAmount(Number(wire), currency)).toBe(minor);
  });

  it("refuses to round: more decimals than the currency has is an error, in every currency", () => {
    for (const currency of ["UZS", "USD", "RUB"] as const) {
      expect(() => fromOctoAmount(1.005, currency)).toThrow(AmountPrecisionError);
      expect(() => fromOctoAmount("0.001", currency)).toThrow(AmountPrecisionError);
    }
    expect(fromOctoAmount("1.500", "USD")).toBe(150n);
  });

  it("refuses negative amounts and currencies OCTO does not take", () => {
    expect(() => toOctoAmount(-1n, "USD")).toThrow(AmountPrecisionError);
    expect(() => toOctoAmount(100n, "EUR" as OctoCurrency)).toThrow(/OCTO does not accept EUR/);
    expect(() => fromOctoAmount(1, "HKD" as OctoCurrency)).toThrow(RangeError);
  });

  it("writes decimals verbatim as JSON numbers, beyond double precision too", () => {
    const json = stringifyOctoJson({
      total_sum: new OctoDecimal("150000.00"),
      big: new OctoDecimal("90071992547409.93"),
      note: "150000.00",
      skip: undefined,
    });
    expect(json).toBe('{"total_sum":150000.00,"big":90071992547409.93,"note":"150000.00"}');
    expect(JSON.parse(json)).toEqual({ total_sum: 150000, big: 90071992547409.93, note: "150000.00" });
    expect(() => new OctoDecimal("1e5")).toThrow(RangeError);
  });
});

describe("OCTO timestamps", () => {
  it("formats and parses Tashkent local time (UTC+5)", () => {
    const instant = new Date("2024-12-18T11:59:39Z");
    expect(formatOctoTime(instant)).toBe("2024-12-18 16:59:39");
    expect(parseOctoTime("2024-12-18 16:59:39")?.toISOString()).toBe("2024-12-18T11:59:39.000Z");
    expect(parseOctoTime("2025-02-30 10:00:00")).toBeNull();
    expect(parseOctoTime("2024-12-18T16:59:39")).toBeNull();
  });
});
