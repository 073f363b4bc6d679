import { mkdirSync, writeFileSync } from "node:fs";
import type { VitalsSample } from "./web-vitals-probe";
import type { PageWeight } from "./page-weight";

export const targets = { lcp: 2500, cls: 0.1, inp: 200, listPayloadBytes: 100 * 1024 } as const;

export interface ScenarioResult {
  name: string;
  samples: VitalsSample[];
  weight: PageWeight;
}

/** Nearest-rank percentile of the numbers present; null when none were reported. */
export function percentile(values: readonly (number | null)[], p: number): number | null {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? null;
}

const metricRows = [
  { key: "lcp", label: "LCP", unit: "ms", target: targets.lcp },
  { key: "cls", label: "CLS", unit: "", target: targets.cls },
  { key: "inp", label: "INP", unit: "ms", target: targets.inp },
] as const;

const show = (value: number | null, unit: string) =>
  value === null ? "—" : unit ? `${Math.round(value)} ${unit}` : value.toFixed(3);
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Prints the table and writes the JSON; figures only, never a failure. */
export function report(
  results: readonly ScenarioResult[],
  meta: Record<string, unknown>,
  path = ".data/bench/browser.json",
): string {
  const lines = ["page              metric   p50        p75        target      ok   n", "-".repeat(72)];
  const json = results.map((r) => {
    const metrics = Object.fromEntries(
      metricRows.map((m) => {
        const values = r.samples.map((s) => s[m.key]);
        const p50 = percentile(values, 50);
        const p75 = percentile(values, 75);
        const ok = p75 !== null && p75 <= m.target;
        const n = values.filter((v) => v !== null).length;
        lines.push(
          `${r.name.padEnd(18)}${m.label.padEnd(9)}${show(p50, m.unit).padEnd(11)}${show(p75, m.unit).padEnd(11)}≤ ${`${m.target}${m.unit ? ` ${m.unit}` : ""}`.padEnd(10)}${ok ? "✓" : "✗"}    ${n}`,
        );
        return [m.key, { p50, p75, target: m.target, ok, n }];
      }),
    );
    return { page: r.name, metrics, weight: r.weight, samples: r.samples };
  });
  lines.push(
    "",
    "page              HTML       inline RSC  RSC fetch  HTML+RSC   decoded    first-load JS  target (list)",
    "-".repeat(104),
  );
  const mark = (bytes: number) => (bytes <= targets.listPayloadBytes ? "✓" : "✗");
  for (const r of results) {
    const payload = r.weight.htmlBytes + r.weight.rscBytes;
    const target =
      r.name === "payments list"
        ? `≤ ${kb(targets.listPayloadBytes)}: wire ${mark(payload)}, decoded ${mark(r.weight.decodedPayloadBytes)}`
        : "";
    lines.push(
      `${r.name.padEnd(18)}${kb(r.weight.htmlBytes).padEnd(11)}${kb(r.weight.inlineFlightChars).padEnd(12)}${kb(r.weight.rscBytes).padEnd(11)}${kb(payload).padEnd(11)}${kb(r.weight.decodedPayloadBytes).padEnd(11)}${kb(r.weight.jsBytes).padEnd(15)}${target}`,
    );
  }
  lines.push(
    "(HTML, RSC and JS: bytes transferred, compressed; decoded: HTML + RSC after decompression; inline RSC: the flight data inside the HTML, characters)",
  );
  mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
  writeFileSync(path, `${JSON.stringify({ ...meta, targets, results: json }, null, 2)}\n`);
  return lines.join("\n");
}
