import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { BenchDatabase } from "./bench-database";
import { benchDatabaseUrlInput, benchSeed } from "./bench-env";
import { openSeededPostgres, printSeed, runDbSection } from "./db-section";
import { runHttpSection } from "./http-section";
import { buildIfMissing, startNextServer, type RunningNextServer } from "./next-server";
import { benchUsage, parseBenchOptions, type BenchOptions } from "./options";
import { seededRandom } from "./random";
import { runRefundSection } from "./refund-section";
import { signInCookie } from "./sign-in";
import { runWebhookSection } from "./webhook-section";

/** The HTTP, webhook and refund sections: all against the seeded Postgres bench database. */
async function runServerSections(
  options: BenchOptions,
  bench: BenchDatabase,
  payments: number,
  seed: number,
  report: Record<string, unknown>,
): Promise<void> {
  if (options.sections.has("http") || options.sections.has("webhook")) {
    await buildIfMissing();
    let server: RunningNextServer | null = null;
    try {
      server = await startNextServer(options.databaseUrl);
      console.log(
        `\nnext start at ${server.url} (DATABASE_URL = bench database, PROVIDER_MODE=sandbox, BENCH_PAGES=1)`,
      );
      if (options.sections.has("http")) {
        const cookie = await signInCookie(server.url, "admin@demo.test");
        report.http = await runHttpSection(server.url, cookie, options.quick);
      }
      if (options.sections.has("webhook"))
        report.webhook = await runWebhookSection(server.url, bench, payments, seededRandom(seed + 1), options.quick);
    } finally {
      await server?.stop();
    }
  }
  if (options.sections.has("refund")) report.refund = await runRefundSection(bench.db, options.quick);
}

async function main(): Promise<void> {
  if (process.argv.includes("--help")) {
    console.log(benchUsage);
    return;
  }
  const options = parseBenchOptions(process.argv.slice(2), benchDatabaseUrlInput());
  const seed = benchSeed();
  console.log(
    `bench:server — seed ${seed} (replay with BENCH_SEED=${seed}); ${options.quick ? "quick" : "full"} run; sections ${[...options.sections].join(",")}`,
  );
  console.log(
    `machine: ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? "?"}), node ${process.version}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(" ")} — shared machine, client and server on the same cores: figures are noisy`,
  );
  const report: Record<string, unknown> = {
    startedAt: new Date().toISOString(),
    seed,
    quick: options.quick,
    cpus: os.cpus().length,
    node: process.version,
  };

  let postgres: BenchDatabase | null = null;
  let payments = 0;
  try {
    if (options.sections.has("db")) {
      const db = await runDbSection(options, seed);
      report.db = db.result;
      postgres = db.postgres;
      payments = db.paymentsOnPostgres;
    }
    const serverSections =
      options.sections.has("http") || options.sections.has("webhook") || options.sections.has("refund");
    if (serverSections && !options.postgres)
      console.log("\n(http, webhook and refund sections run on Postgres only: skipped with --pglite-only)");
    if (serverSections && options.postgres) {
      if (!postgres) {
        const opened = await openSeededPostgres(options);
        printSeed(opened.seed.map((s) => ({ database: "Postgres", ...s })));
        postgres = opened.bench;
        payments = opened.size.payments;
      }
      await runServerSections(options, postgres, payments, seed, report);
    }
  } finally {
    await postgres?.close();
  }
  report.finishedAt = new Date().toISOString();
  const file = path.join(process.cwd(), ".data", "bench", "server.json");
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(
    file,
    JSON.stringify(report, (_, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2),
  );
  console.log(`\nresults written to ${path.relative(process.cwd(), file)}`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
