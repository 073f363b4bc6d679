import { wallTimeAt, zonedWallTimeToUtc } from "./wall-time";

/** One calendar day in a time zone: its date and the instants it starts and ends (23 to 25 hours apart). */
export interface ZoneDay {
  /** "2026-12-07". */
  date: string;
  start: Date;
  end: Date;
}

const pad = (value: number, width = 2) => String(value).padStart(width, "0");

function zoneMidnight(year: number, month: number, day: number, timeZone: string): { date: string; start: Date } {
  // Date.UTC rolls "day 0" or "day 32" into the neighbouring month; only the calendar fields are used.
  const calendar = new Date(Date.UTC(year, month - 1, day));
  const y = calendar.getUTCFullYear();
  const m = calendar.getUTCMonth() + 1;
  const d = calendar.getUTCDate();
  return {
    date: `${pad(y, 4)}-${pad(m)}-${pad(d)}`,
    start: zonedWallTimeToUtc({ year: y, month: m, day: d, hour: 0, minute: 0, second: 0 }, timeZone),
  };
}

/** The last `count` calendar days in `timeZone`, oldest first, ending with the day that holds `now`. */
export function lastZoneDays(now: Date, timeZone: string, count: number): ZoneDay[] {
  const today = wallTimeAt(now, timeZone);
  return Array.from({ length: count }, (_, index) => {
    const offset = index - (count - 1);
    const day = zoneMidnight(today.year, today.month, today.day + offset, timeZone);
    const next = zoneMidnight(today.year, today.month, today.day + offset + 1, timeZone);
    return { date: day.date, start: day.start, end: next.start };
  });
}

/** A zone day's date as a chart or table names it: "7 Dec". */
export const shortDayLabel = (date: string): string =>
  new Date(`${date}T00:00:00Z`).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" });

/** The `count` calendar dates after `date` ("2026-12-07" → "2026-12-08", …), for days still to come. */
export function followingDates(date: string, count: number): string[] {
  const day = new Date(`${date}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) =>
    new Date(day.getTime() + (index + 1) * 86_400_000).toISOString().slice(0, 10),
  );
}
