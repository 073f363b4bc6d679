import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AuditActor } from "@/lib/audit/record-audit";
import { actorOf, makeUser } from "@/lib/testing/fixtures";
import { testDatabaseKind, testServerUrl } from "@/lib/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/wallet/ensure-wallets";
import { invariantViolations } from "./invariants";
import { runOrderLifecycle } from "./order-lifecycle";
import { lifecyclePrng } from "./prng";
import { runRefundLifecycle } from "./refund-lifecycle";
import { replayCommand, simConfigFromEnv } from "./run-config";
import type { LifecycleTrace } from "./trace";
import { startSimWorld, type SimWorld } from "./world";

/**
 * Issue #7: a seeded simulation of refund and order lifecycles on one database, with random
 * provider faults and app crashes between reserve and settle, reconciled until quiescent, then
 * checked against the invariants (no over-refund, no double movement, ledger = movements =
 * provider, nothing left unresolved). Even indexes are refund lifecycles, odd ones orders. On
 * Postgres, attempts of a lifecycle sometimes run concurrently; PGlite runs them one by one.
 */
const config = simConfigFromEnv(process.env);
const indexes = config.only === null ? Array.from({ length: config.runs }, (_, i) => i) : [config.only];
console.log(`[simulation] seed ${config.seed}, ${indexes.length} lifecycles on ${testDatabaseKind}. Replay: ${replayCommand(config)}`);

describe(`seeded lifecycle simulation [${testDatabaseKind}]`, () => {
  let world: SimWorld;
  let finance: AuditActor;
  let merchant: AuditActor;
  const errorLog: string[] = [];

  beforeAll(async () => {
    world = await startSimWorld();
    finance = actorOf(await makeUser(world.db, "finance"));
    merchant = actorOf(await makeUser(world.db, "merchant"));
    await ensureWalletsInLedger(world.db, world.app().orderDeps.client, world.now());
    // Faults make the app log every unknown outcome; keep the tail for a failure report instead.
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      errorLog.push(args.map((a) => (a instanceof Error ? a.message : String(a))).join(" "));
      if (errorLog.length > 20) errorLog.shift();
    });
  }, 180_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    await world?.close();
  });

  it(
    "every lifecycle keeps every invariant",
    async () => {
      const outcomeCounts = new Map<string, number>();
      const cyclesUsed: number[] = [];
      for (const index of indexes) {
        const prng = lifecyclePrng(config.seed, index);
        const concurrent = testServerUrl !== undefined;
        const trace: LifecycleTrace =
          index % 2 === 0 ? await runRefundLifecycle(world, finance, prng, { concurrent }) : await runOrderLifecycle(world, merchant, prng, { concurrent });
        const violations = [
          ...trace.unexpected.map((u) => `unexpected: ${u}`),
          ...(trace.settleCycles === null ? ["items still open after the reconciliation bound"] : []),
          ...(await invariantViolations(world.db, trace, trace.kind === "order" ? world.app().orderDeps.client : null)),
        ];
        if (violations.length) {
          const report = [
            `lifecycle ${index} (${trace.kind}) broke an invariant. Replay: ${replayCommand(config, index)}`,
            `  did: ${trace.summary}`,
            `  outcomes: ${trace.outcomes.join(", ")}`,
            ...violations.map((v) => `  ✗ ${v}`),
            "  last app errors:",
            ...errorLog.slice(-8).map((e) => `    ${e.slice(0, 300)}`),
          ].join("\n");
          expect.fail(report);
        }
        for (const outcome of trace.outcomes) {
          const key = `${trace.kind} ${outcome}`;
          outcomeCounts.set(key, (outcomeCounts.get(key) ?? 0) + 1);
        }
        if (trace.settleCycles !== null) cyclesUsed.push(trace.settleCycles);
      }
      const table = [...outcomeCounts.entries()].sort().map(([k, n]) => `  ${k.padEnd(40)} ${n}`);
      console.log(`[simulation] seed ${config.seed}: ${indexes.length} lifecycles, all invariants held; reconciler cycles max ${Math.max(0, ...cyclesUsed)}\n${table.join("\n")}`);
    },
    120_000 + indexes.length * 5_000,
  );
});
