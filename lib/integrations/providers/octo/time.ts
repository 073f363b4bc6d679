/** OCTO timestamps are "yyyy-MM-dd HH:mm:ss" in Tashkent local time (UTC+5, no DST), with no zone. */
const tashkentOffsetMs = 5 * 60 * 60 * 1000;

export function formatOctoTime(instant: Date): string {
  return new Date(instant.getTime() + tashkentOffsetMs).toISOString().slice(0, 19).replace("T", " ");
}

export function parseOctoTime(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match.map(Number) as [number, number, number, number, number, number, number];
  const instant = new Date(Date.UTC(y, mo - 1, d, h, mi, s) - tashkentOffsetMs);
  // Date.UTC rolls "2025-02-30" over into March; only a round trip proves the text was a real time.
  return formatOctoTime(instant) === text ? instant : null;
}
