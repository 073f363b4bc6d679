import { describe, expect, it } from "vitest";
import { livePollIntervalMs, nextOrderCheckAt } from "./poll-schedule";

const placed = new Date("2026-01-01T00:00:00Z");
const at = (seconds: number) => new Date(placed.getTime() + seconds * 1000);

describe("order poll schedule", () => {
  it("checks every 5 s for the first minute, then every 30 s, then at the reconciler's pace after ~11 min", () => {
    expect(nextOrderCheckAt(placed, at(10)).getTime() - at(10).getTime()).toBe(5_000);
    expect(nextOrderCheckAt(placed, at(59)).getTime() - at(59).getTime()).toBe(5_000);
    expect(nextOrderCheckAt(placed, at(60)).getTime() - at(60).getTime()).toBe(30_000);
    expect(nextOrderCheckAt(placed, at(659)).getTime() - at(659).getTime()).toBe(30_000);
    expect(nextOrderCheckAt(placed, at(660)).getTime() - at(660).getTime()).toBe(300_000);
  });
  it("stops the browser polling when final or after ~11 min", () => {
    expect(livePollIntervalMs("pending", placed, at(1))).toBe(5_000);
    expect(livePollIntervalMs("unknown", placed, at(120))).toBe(30_000);
    expect(livePollIntervalMs("pending", placed, at(700))).toBeNull();
    expect(livePollIntervalMs("delivered", placed, at(1))).toBeNull();
  });
});
