import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { ZoneDay } from "@/lib/platform/time-zone/zone-days";

/**
 * Which of `days` (consecutive zone days, oldest first) holds the instant `at`, numbered from 1,
 * as the database computes it (width_bucket over the days' starts and the last day's end): 0
 * before the first day, days.length + 1 from the last day's end on. Grouping by it adds figures
 * up per zone day in the database, so at most one row per day comes back.
 */
export function zoneDayIndex(at: SQLWrapper, days: readonly ZoneDay[]): SQL<number> {
  const last = days.at(-1);
  const bounds = last ? [...days.map((day) => day.start), last.end] : [];
  const thresholds = `{${bounds.map((bound) => bound.toISOString()).join(",")}}`;
  return sql<number>`width_bucket(${at}, ${thresholds}::timestamptz[])`.mapWith(Number);
}
