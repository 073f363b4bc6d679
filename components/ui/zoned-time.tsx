import { formatWallTime } from "@/lib/platform/time-zone/wall-time";

/** An instant as the wall clock of `timeZone` shows it, to the second; name the zone in the column or field label. */
export function ZonedTime({ value, timeZone }: { value: Date; timeZone: string }) {
  return <time dateTime={value.toISOString()}>{formatWallTime(value, timeZone)}</time>;
}
