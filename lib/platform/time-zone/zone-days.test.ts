import { describe, expect, it } from "vitest";
import { followingDates, lastZoneDays } from "./zone-days";

describe("lastZoneDays", () => {
  it("gives the zone's calendar days, oldest first, ending today, across a month end", () => {
    const days = lastZoneDays(new Date("2026-03-01T03:00:00Z"), "Asia/Hong_Kong", 3);
    expect(days.map((d) => d.date)).toEqual(["2026-02-27", "2026-02-28", "2026-03-01"]);
    expect(days[2]).toEqual({
      date: "2026-03-01",
      start: new Date("2026-02-28T16:00:00Z"),
      end: new Date("2026-03-01T16:00:00Z"),
    });
  });

  it("has a 23-hour day where the clocks go forward", () => {
    const [day] = lastZoneDays(new Date("2026-03-08T20:00:00Z"), "America/New_York", 1);
    expect(day?.date).toBe("2026-03-08");
    expect((day!.end.getTime() - day!.start.getTime()) / 3_600_000).toBe(23);
  });
});

describe("followingDates", () => {
  it("counts calendar dates on, across a month and a year end", () => {
    expect(followingDates("2026-12-30", 3)).toEqual(["2026-12-31", "2027-01-01", "2027-01-02"]);
    expect(followingDates("2027-02-28", 1)).toEqual(["2027-03-01"]);
    expect(followingDates("2026-12-07", 0)).toEqual([]);
  });
});
