/**
 * Wall-clock times in an IANA time zone ↔ UTC instants, with Intl only (no tz database of our
 * own), correct across DST changes. Second precision: the filters never need finer.
 */

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      era: "short",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The canonical name of an IANA zone ("asia/hong_kong" → "Asia/Hong_Kong"), or null if Intl does not know it. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat("en-US", { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The wall clock in `timeZone` at `instant` (milliseconds are dropped). */
export function wallTimeAt(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  const year = Number(parts.year);
  return {
    // Years before 1 CE come out as era "BC"; the list never needs them, but stay exact.
    year: parts.era === "BC" || parts.era === "B" ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

function wallAsUtcMs(wall: WallTime): number {
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, 0);
  return date.getTime();
}

/** The zone's offset from UTC at `instant`, in milliseconds (+08:00 → 28_800_000). */
export function offsetMsAt(instant: Date, timeZone: string): number {
  const whole = Math.floor(instant.getTime() / 1000) * 1000;
  return wallAsUtcMs(wallTimeAt(new Date(whole), timeZone)) - whole;
}

const dayMs = 86_400_000;

/**
 * The UTC instant at which the wall clock in `timeZone` shows `wall`. DST is handled the way
 * Temporal's "compatible" disambiguation does: a time that happens twice (clocks go back) is
 * the earlier instant; a time that never happens (clocks go forward) is moved forward by the
 * length of the gap (02:30 on a spring-forward night in New York → 03:30 EDT), so a day that
 * starts inside a gap starts at the first instant that exists.
 */
export function zonedWallTimeToUtc(wall: WallTime, timeZone: string): Date {
  const asUtc = wallAsUtcMs(wall);
  // Zones change offset at most once in any two days, so the offsets a day either side
  // bracket every offset this wall time can have.
  const before = offsetMsAt(new Date(asUtc - dayMs), timeZone);
  const after = offsetMsAt(new Date(asUtc + dayMs), timeZone);
  const candidates = [...new Set([before, after])]
    .map((offset) => asUtc - offset)
    .filter((instant) => offsetMsAt(new Date(instant), timeZone) === asUtc - instant)
    .sort((a, b) => a - b);
  const earliest = candidates[0];
  if (earliest !== undefined) return new Date(earliest);
  return new Date(asUtc - before);
}

const pad = (value: number, width = 2) => String(Math.abs(value)).padStart(width, "0");

/** "+08:00", "-04:00", "+05:45", "+00:00" (seconds-level historical offsets keep ":ss"). */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? "-" : "+";
  const total = Math.abs(Math.round(offsetMs / 1000));
  const seconds = total % 60;
  return `${sign}${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}${seconds ? `:${pad(seconds)}` : ""}`;
}

/** "2024-03-10 14:05:09" as the wall clock in `timeZone` shows it. */
export function formatWallTime(instant: Date, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)} ${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}

/** ISO 8601 in the zone, with milliseconds and its offset: "2024-03-10T14:05:09.123+08:00". */
export function formatIsoInZone(instant: Date, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.${pad(ms, 3)}${formatOffset(offsetMsAt(instant, timeZone))}`;
}

/** The calendar date in `timeZone` at `instant`: "2024-03-10". */
export function formatDateInZone(instant: Date, timeZone: string): string {
  const w = wallTimeAt(instant, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}
