/**
 * [DOC + 3P, providers.md §2.2] Timestamps are "yyyy-MM-dd HH:mm:ss" with no zone, local time in
 * Tashkent (UTC+5 all year: Uzbekistan keeps no daylight saving time).
 */
const tashkentUtcOffsetMs = 5 * 3_600_000;

export function octoLocalTime(instant: Date): string {
  const local = new Date(instant.getTime() + tashkentUtcOffsetMs).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 19)}`;
}
