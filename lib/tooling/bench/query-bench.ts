import type { BenchDatabase, CapturedStatement } from "./bench-database";
import type { QueryCase } from "./query-cases";
import { elapsedMs, summarize, type LatencySummary } from "./stats";

export interface QueryResult {
  database: string;
  name: string;
  isList: boolean;
  statements: number;
  ours: LatencySummary;
  floor: LatencySummary;
}

export interface QueryBenchLimits {
  warmup: number;
  iterations: number;
  maxSecondsPerCase: number;
}

async function replay(bench: BenchDatabase, statements: CapturedStatement[], mode: QueryCase["floor"]): Promise<void> {
  if (mode === "sequential" || statements.length < 2) {
    for (const s of statements) await bench.raw(s.sql, s.params);
    return;
  }
  const [first, ...rest] = statements;
  await bench.raw(first!.sql, first!.params);
  await Promise.all(rest.map((s) => bench.raw(s.sql, s.params)));
}

/**
 * Each iteration runs our code path (the function the page calls, through Drizzle) and then its
 * floor: the very statements it sent (captured by the Drizzle logger), replayed through the same
 * driver without Drizzle. Bounded by iterations and by time.
 */
export async function runQueryCase(
  bench: BenchDatabase,
  testCase: QueryCase,
  rnd: () => number,
  limits: QueryBenchLimits,
): Promise<QueryResult> {
  const iterations = Math.min(limits.iterations, testCase.maxIterations ?? limits.iterations);
  const ours: number[] = [];
  const floor: number[] = [];
  let statements = 0;
  const deadline = Date.now() + limits.maxSecondsPerCase * 1000;
  for (let i = 0; i < limits.warmup + iterations && Date.now() < deadline; i += 1) {
    bench.capture.take();
    const start = process.hrtime.bigint();
    await testCase.run(bench.db, rnd);
    const oursMs = elapsedMs(start);
    const captured = bench.capture.take();
    const floorStart = process.hrtime.bigint();
    await replay(bench, captured, testCase.floor);
    const floorMs = elapsedMs(floorStart);
    if (i < limits.warmup) continue;
    ours.push(oursMs);
    floor.push(floorMs);
    statements = captured.length;
  }
  return {
    database: bench.label,
    name: testCase.name,
    isList: testCase.isList,
    statements,
    ours: summarize(ours),
    floor: summarize(floor),
  };
}
