/**
 * A UTC instant as the dashboard writes it: "2026-03-01 10:20:30" (or "2026-03-01 10:20" to the
 * minute). The text carries no zone: the column, field or sentence says "UTC".
 */
export function formatUtc(instant: Date, precision: "second" | "minute" = "second"): string {
  return instant
    .toISOString()
    .replace("T", " ")
    .slice(0, precision === "second" ? 19 : 16);
}
