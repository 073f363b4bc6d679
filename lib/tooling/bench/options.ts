import { z } from "zod";

export const benchSections = ["db", "http", "webhook", "refund"] as const;
export type BenchSection = (typeof benchSections)[number];

export interface BenchOptions {
  sections: Set<BenchSection>;
  postgres: boolean;
  pglite: boolean;
  quick: boolean;
  databaseUrl: string;
}

const sectionList = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((s) => s.trim())
      .filter(Boolean),
  )
  .pipe(z.array(z.enum(benchSections)).min(1));

export const benchUsage = `npm run bench:server -- [--only=${benchSections.join(",")}] [--pglite-only | --pg-only] [--quick]
  db       seed + query latency (Postgres and PGlite)
  http     /payments vs the static floor page through next start (Postgres)
  webhook  signed Checkout.com deliveries/s with duplicates (Postgres)
  refund   refund issuing server time vs the bare sandbox call (Postgres)
  BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/bench) is dropped and recreated.`;

export function parseBenchOptions(argv: string[], envUrl: string | undefined): BenchOptions {
  let sections = new Set<BenchSection>(benchSections);
  let postgres = true;
  let pglite = true;
  let quick = false;
  for (const arg of argv) {
    if (arg.startsWith("--only=")) {
      const parsed = sectionList.safeParse(arg.slice("--only=".length));
      if (!parsed.success) throw new Error(`${arg}: sections must be among ${benchSections.join(",")}\n${benchUsage}`);
      sections = new Set(parsed.data);
    } else if (arg === "--pglite-only") postgres = false;
    else if (arg === "--pg-only") pglite = false;
    else if (arg === "--quick") quick = true;
    else throw new Error(`unknown argument ${arg}\n${benchUsage}`);
  }
  const databaseUrl = z
    .string()
    .regex(/^postgres(ql)?:\/\//)
    .parse(envUrl ?? "postgres://postgres@127.0.0.1:5432/bench");
  return { sections, postgres, pglite, quick, databaseUrl };
}
