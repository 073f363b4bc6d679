export type Cell = string | number;

/** Numbers as text: NaN as "–", small values with more decimals. */
export function fmt(value: number, digits?: number): string {
  if (!Number.isFinite(value)) return "–";
  const d = digits ?? (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toFixed(d);
}

export const mark = (ok: boolean | null): string => (ok === null ? "–" : ok ? "✓" : "✗");

/** A plain-text table with aligned columns (numbers right-aligned) under a title. */
export function formatTable(title: string, headers: string[], rows: Cell[][]): string {
  const text = rows.map((row) => row.map((cell) => (typeof cell === "number" ? fmt(cell) : cell)));
  const widths = headers.map((h, i) => Math.max(h.length, ...text.map((row) => (row[i] ?? "").length)));
  const numeric = headers.map((_, i) =>
    rows.every((row) => typeof row[i] === "number" || /^[\d.,–×x%-]+$/.test(String(row[i] ?? ""))),
  );
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (numeric[i] ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [`\n${title}`, line(headers), widths.map((w) => "-".repeat(w)).join("  "), ...text.map(line)].join("\n");
}

export function printTable(title: string, headers: string[], rows: Cell[][]): void {
  console.log(formatTable(title, headers, rows));
}
