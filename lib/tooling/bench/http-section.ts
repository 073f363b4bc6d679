import { runLoad, type LoadResult } from "./load";
import { ratio } from "./stats";
import { mark, printTable, type Cell } from "./table";

/** G6: list page p95 < 100 ms at 1 connection, < 400 ms at 5; and at most twice the static page's p95. */
const pageTargetMs: Record<number, number> = { 1: 100, 5: 400 };
const maxRatioToStatic = 2;

export const staticPagePath = "/bench/static-payments";
const pages = [
  { label: "/payments list", path: "/payments" },
  { label: "/payments filtered", path: "/payments?provider=checkout&status=captured" },
  // Issue #16/#18: the overview at 1M payments, from the money slots, the monitor's counts and partial indexes.
  { label: "/overview", path: "/overview" },
  { label: "static floor", path: staticPagePath },
] as const;

export async function runHttpSection(url: string, cookie: string, quick: boolean): Promise<LoadResult[]> {
  const seconds = quick ? 3 : 10;
  const results: LoadResult[] = [];
  for (const connections of [1, 5]) {
    for (const page of pages) {
      // A few requests first, so no run pays for the first compile of a route.
      await runLoad({ label: page.label, url, path: page.path, connections, seconds: 1, headers: { cookie } });
      results.push(
        await runLoad({ label: page.label, url, path: page.path, connections, seconds, headers: { cookie } }),
      );
    }
  }
  printHttp(results);
  return results;
}

export function printHttp(results: LoadResult[]): void {
  const rows: Cell[][] = results.map((r) => {
    const floor = results.find((s) => s.path === staticPagePath && s.connections === r.connections);
    const isStatic = r.path === staticPagePath;
    const vsStatic = isStatic ? NaN : ratio(r.latency.p95, floor?.latency.p95 ?? NaN);
    const ok = isStatic
      ? null
      : r.non2xx === 0 &&
        r.errors === 0 &&
        r.latency.p95 < pageTargetMs[r.connections]! &&
        vsStatic <= maxRatioToStatic;
    return [
      r.label,
      String(r.connections),
      String(r.requests),
      r.reqPerSec,
      r.latency.p50,
      r.latency.p95,
      r.latency.p99,
      `${(r.bytesPerResponse / 1024).toFixed(1)} KB`,
      String(r.non2xx + r.errors),
      isStatic ? "–" : `${vsStatic.toFixed(2)}×`,
      isStatic ? "–" : `p95<${pageTargetMs[r.connections]}ms, ≤${maxRatioToStatic}× static`,
      mark(ok),
    ];
  });
  printTable(
    "HTTP pages through next start (autocannon; ms; static floor = same table component, 50 fixed rows, no DB or session)",
    [
      "page",
      "conns",
      "requests",
      "req/s",
      "p50",
      "p95",
      "p99",
      "bytes/resp",
      "non-2xx/err",
      "p95 vs static",
      "target",
      "ok",
    ],
    rows,
  );
}
