const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

const plural = (n: number, unit: string) => `${n.toLocaleString("en-US")} ${unit}${n === 1 ? "" : "s"}`;

/** A wait as an alert says it, rounded down to its largest whole unit: "45 minutes", "3 hours", "2 days". */
export function durationWords(ms: number): string {
  if (ms >= day) return plural(Math.floor(ms / day), "day");
  if (ms >= hour) return plural(Math.floor(ms / hour), "hour");
  return plural(Math.max(0, Math.floor(ms / minute)), "minute");
}
