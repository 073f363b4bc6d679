import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  canonicalTimeZone,
  formatIsoInZone,
  formatOffset,
  formatWallTime,
  offsetMsAt,
  wallTimeAt,
  zonedWallTimeToUtc,
  type WallTime,
} from "./wall-time";

const wall = (text: string): WallTime => {
  const [date = "", time = "00:00:00"] = text.split(" ");
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute, second = 0] = time.split(":").map(Number);
  return { year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second };
};
const utc = (text: string, tz: string) => zonedWallTimeToUtc(wall(text), tz).toISOString();

describe("zonedWallTimeToUtc", () => {
  it("converts ordinary times in fixed and DST zones", () => {
    expect(utc("2024-03-10 00:00", "UTC")).toBe("2024-03-10T00:00:00.000Z");
    expect(utc("2024-03-10 00:00", "Asia/Hong_Kong")).toBe("2024-03-09T16:00:00.000Z");
    expect(utc("2024-03-10 00:00", "Asia/Tashkent")).toBe("2024-03-09T19:00:00.000Z");
    expect(utc("2024-07-01 12:00", "America/New_York")).toBe("2024-07-01T16:00:00.000Z");
    expect(utc("2024-01-01 12:00", "America/New_York")).toBe("2024-01-01T17:00:00.000Z");
    expect(utc("2024-06-01 00:00", "Asia/Kathmandu")).toBe("2024-05-31T18:15:00.000Z");
    expect(utc("2024-06-01 00:00", "Pacific/Chatham")).toBe("2024-05-31T11:15:00.000Z");
  });

  it("moves a time inside a spring-forward gap forward by the gap", () => {
    // New York, 2024-03-10: 02:00 EST → 03:00 EDT; 02:30 never happens.
    expect(utc("2024-03-10 01:59:59", "America/New_York")).toBe("2024-03-10T06:59:59.000Z");
    expect(utc("2024-03-10 02:30", "America/New_York")).toBe("2024-03-10T07:30:00.000Z"); // = 03:30 EDT
    expect(utc("2024-03-10 03:00", "America/New_York")).toBe("2024-03-10T07:00:00.000Z");
    // Europe: 2024-03-31 02:00 CET → 03:00 CEST.
    expect(utc("2024-03-31 02:15", "Europe/Berlin")).toBe("2024-03-31T01:15:00.000Z"); // = 03:15 CEST
  });

  it("takes the earlier instant of a time that happens twice (clocks go back)", () => {
    // New York, 2024-11-03: 01:00–01:59 happens in EDT, then again in EST.
    expect(utc("2024-11-03 01:30", "America/New_York")).toBe("2024-11-03T05:30:00.000Z");
    expect(utc("2024-11-03 02:00", "America/New_York")).toBe("2024-11-03T07:00:00.000Z");
    // London, 2024-10-27: 02:00 BST → 01:00 GMT; 01:30 happens twice.
    expect(utc("2024-10-27 01:30", "Europe/London")).toBe("2024-10-27T00:30:00.000Z");
    expect(utc("2024-10-27 02:30", "Europe/London")).toBe("2024-10-27T02:30:00.000Z");
  });

  it("starts a day at its first existing instant when midnight is skipped", () => {
    // America/Santiago, 2024-09-08: 00:00 -04 → 01:00 -03; the day starts at 01:00 -03.
    expect(utc("2024-09-08 00:00", "America/Santiago")).toBe("2024-09-08T04:00:00.000Z");
    expect(formatWallTime(zonedWallTimeToUtc(wall("2024-09-08 00:00"), "America/Santiago"), "America/Santiago")).toBe(
      "2024-09-08 01:00:00",
    );
  });

  it("round-trips: the instant it returns shows that wall time, whenever the wall time exists", () => {
    const zones = [
      "UTC",
      "America/New_York",
      "Europe/London",
      "Australia/Lord_Howe",
      "Asia/Hong_Kong",
      "America/Santiago",
      "Asia/Tashkent",
    ];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2040, 0, 1) }),
        (tz, ms) => {
          const instant = new Date(Math.floor(ms / 1000) * 1000);
          const shown = wallTimeAt(instant, tz);
          const back = zonedWallTimeToUtc(shown, tz);
          // Same wall time; the earliest instant that shows it, so never later than the original.
          expect(wallTimeAt(back, tz)).toEqual(shown);
          expect(back.getTime()).toBeLessThanOrEqual(instant.getTime());
          expect(instant.getTime() - back.getTime()).toBeLessThanOrEqual(2 * 3600_000);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("formatting in a zone", () => {
  it("formats offsets and ISO timestamps with the zone's offset at that instant", () => {
    expect(formatOffset(8 * 3600_000)).toBe("+08:00");
    expect(formatOffset(-4 * 3600_000)).toBe("-04:00");
    expect(formatOffset(5.75 * 3600_000)).toBe("+05:45");
    expect(formatOffset(0)).toBe("+00:00");
    expect(offsetMsAt(new Date("2024-07-01T00:00:00Z"), "America/New_York")).toBe(-4 * 3600_000);
    expect(formatIsoInZone(new Date("2024-03-09T16:00:00.123Z"), "Asia/Hong_Kong")).toBe(
      "2024-03-10T00:00:00.123+08:00",
    );
    expect(formatIsoInZone(new Date("2024-11-03T06:30:00Z"), "America/New_York")).toBe("2024-11-03T01:30:00.000-05:00");
    expect(formatIsoInZone(new Date("2024-11-03T05:30:00Z"), "America/New_York")).toBe("2024-11-03T01:30:00.000-04:00");
  });

  it("knows IANA zones and canonicalises their spelling; refuses anything else", () => {
    expect(canonicalTimeZone("UTC")).toBe("UTC");
    expect(canonicalTimeZone("asia/hong_kong")).toBe("Asia/Hong_Kong");
    expect(canonicalTimeZone("America/Argentina/Buenos_Aires")).toMatch(/Buenos_Aires$/);
    expect(canonicalTimeZone("Mars/Olympus_Mons")).toBeNull();
    expect(canonicalTimeZone("")).toBeNull();
    expect(canonicalTimeZone("Asia/Hong_Kong; drop table")).toBeNull();
  });
});
