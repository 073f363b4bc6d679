import { formatUtc } from "@/lib/platform/time/utc";

/** A timestamp as the dashboard shows them everywhere: UTC to the second (label the column or field "UTC"), machine-readable. */
export function UtcTime({ value }: { value: Date }) {
  return <time dateTime={value.toISOString()}>{formatUtc(value)}</time>;
}
