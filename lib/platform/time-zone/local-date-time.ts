import type { WallTime } from "./wall-time";

/**
 * A date or date-time as typed in a filter, without a zone: "2024-03-10", "2024-03-10T14:05",
 * "2024-03-10 14:05:09". `precision` is the unit the user typed down to, so an inclusive "to"
 * can mean "the whole of that day / minute / second".
 */
export interface LocalDateTime {
  wall: WallTime;
  precision: "day" | "minute" | "second";
}

const pattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

export function parseLocalDateTime(text: string): LocalDateTime | null {
  const match = pattern.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const wall: WallTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
  };
  if (wall.year < 1970 || wall.year > 9999 || wall.month < 1 || wall.month > 12 || wall.day < 1) return null;
  const daysInMonth = new Date(Date.UTC(wall.year, wall.month, 0)).getUTCDate();
  if (wall.day > daysInMonth || wall.hour > 23 || wall.minute > 59 || wall.second > 59) return null;
  return { wall, precision: h === undefined ? "day" : s === undefined ? "minute" : "second" };
}

/** The wall time one unit of the value's precision later (the next day / minute / second), calendar-correct. */
export function nextWallTime({ wall, precision }: LocalDateTime): WallTime {
  const date = new Date(Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second));
  if (precision === "day") date.setUTCDate(date.getUTCDate() + 1);
  else if (precision === "minute") date.setUTCMinutes(date.getUTCMinutes() + 1);
  else date.setUTCSeconds(date.getUTCSeconds() + 1);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}
