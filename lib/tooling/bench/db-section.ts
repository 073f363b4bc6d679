import { openPgliteBench, openPostgresBench, recreatePostgresDatabase, type BenchDatabase } from "./bench-database";
import type { BenchOptions } from "./options";
import { runQueryCase, type QueryResult } from "./query-bench";
import { queryCases } from "./query-cases";
import { seededRandom } from "./random";
import { seedBenchData, type SeedResult, type SeedSize } from "./seed";
import { mark, printTable, type Cell } from "./table";
import { ratio } from "./stats";

export const listTargetP95Ms = 5;

export function seedSizeOf(kind: BenchDatabase["kind"], quick: boolean): SeedSize {
  if (kind === "postgres")
    return quick
      ? { payments: 100_000, refunds: 30_000, orders: 10_000 }
      : { payments: 1_000_000, refunds: 300_000, orders: 100_000 };
  return quick
    ? { payments: 20_000, refunds: 6_000, orders: 2_000 }
    : { payments: 100_000, refunds: 30_000, orders: 10_000 };
}

export async function openSeededPostgres(
  options: BenchOptions,
): Promise<{ bench: BenchDatabase; seed: SeedResult[]; size: SeedSize }> {
  await recreatePostgresDatabase(options.databaseUrl);
  const bench = await openPostgresBench(options.databaseUrl);
  const size = seedSizeOf("postgres", options.quick);
  return { bench, seed: await seedBenchData(bench, size), size };
}

export interface DbSectionResult {
  seed: { database: string; table: string; rows: number; seconds: number }[];
  queries: QueryResult[];
}

export function printSeed(rows: DbSectionResult["seed"]): void {
  printTable(
    "Seeding (set-based insert … select generate_series; secondary indexes rebuilt after the load)",
    ["database", "step", "rows", "seconds"],
    rows.map((r) => [r.database, r.table, r.rows.toLocaleString("en-US"), r.seconds]),
  );
}

export function printQueries(results: QueryResult[]): void {
  const names = [...new Set(results.map((r) => r.name))];
  const of = (db: string, name: string) => results.find((r) => r.database === db && r.name === name);
  const rows: Cell[][] = names.map((name) => {
    const pg = of("Postgres", name);
    const lite = of("PGlite", name);
    const list = (pg ?? lite)?.isList ?? false;
    return [
      name,
      String(pg?.statements ?? lite?.statements ?? 0),
      pg?.ours.p50 ?? NaN,
      pg?.ours.p95 ?? NaN,
      pg?.ours.p99 ?? NaN,
      pg?.floor.p95 ?? NaN,
      ratio(pg?.ours.p95 ?? NaN, pg?.floor.p95 ?? NaN),
      lite?.ours.p50 ?? NaN,
      lite?.ours.p95 ?? NaN,
      lite?.floor.p95 ?? NaN,
      ratio(lite?.ours.p95 ?? NaN, lite?.floor.p95 ?? NaN),
      list ? `p95<${listTargetP95Ms}ms PG` : "–",
      list && pg ? mark(pg.ours.p95 < listTargetP95Ms) : "–",
    ];
  });
  printTable(
    "Query latency, ms (ours = the page's function through Drizzle; floor = the same statements via the bare driver; ratio = ours p95 / floor p95)",
    [
      "query",
      "stmts",
      "PG p50",
      "PG p95",
      "PG p99",
      "PG floor p95",
      "PG ratio",
      "PGlite p50",
      "PGlite p95",
      "PGlite floor p95",
      "PGlite ratio",
      "target",
      "ok",
    ],
    rows,
  );
}

export async function benchQueries(
  bench: BenchDatabase,
  size: SeedSize,
  options: BenchOptions,
  seed: number,
): Promise<QueryResult[]> {
  const rnd = seededRandom(seed);
  const limits = options.quick
    ? { warmup: 5, iterations: 50, maxSecondsPerCase: 5 }
    : { warmup: 20, iterations: 400, maxSecondsPerCase: 20 };
  const results: QueryResult[] = [];
  for (const testCase of queryCases(size)) results.push(await runQueryCase(bench, testCase, rnd, limits));
  return results;
}

/** Seed and measure on each database asked for; the Postgres one is handed back open for the HTTP sections. */
export async function runDbSection(
  options: BenchOptions,
  seed: number,
): Promise<{ result: DbSectionResult; postgres: BenchDatabase | null; paymentsOnPostgres: number }> {
  const result: DbSectionResult = { seed: [], queries: [] };
  let postgres: BenchDatabase | null = null;
  let paymentsOnPostgres = 0;
  if (options.postgres) {
    const opened = await openSeededPostgres(options);
    postgres = opened.bench;
    paymentsOnPostgres = opened.size.payments;
    result.seed.push(...opened.seed.map((s) => ({ database: "Postgres", ...s })));
    result.queries.push(...(await benchQueries(opened.bench, opened.size, options, seed)));
  }
  if (options.pglite) {
    const bench = await openPgliteBench();
    try {
      const size = seedSizeOf("pglite", options.quick);
      result.seed.push(...(await seedBenchData(bench, size)).map((s) => ({ database: "PGlite", ...s })));
      result.queries.push(...(await benchQueries(bench, size, options, seed)));
    } finally {
      await bench.close();
    }
  }
  printSeed(result.seed);
  printQueries(result.queries);
  return { result, postgres, paymentsOnPostgres };
}
