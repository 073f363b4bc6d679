import { describe, expect, it } from "vitest";
import { formatUtc } from "./utc";

describe("formatUtc", () => {
  it("writes a UTC instant to the second, or to the minute", () => {
    const instant = new Date(Date.UTC(2026, 2, 1, 10, 20, 30, 999));
    expect(formatUtc(instant)).toBe("2026-03-01 10:20:30");
    expect(formatUtc(instant, "minute")).toBe("2026-03-01 10:20");
  });
});
