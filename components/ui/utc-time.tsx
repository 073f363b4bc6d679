/** A timestamp as the dashboard shows them everywhere: UTC to the second (label the column or field "UTC"), machine-readable. */
export function UtcTime({ value }: { value: Date }) {
  const iso = value.toISOString();
  return <time dateTime={iso}>{iso.replace("T", " ").slice(0, 19)}</time>;
}
