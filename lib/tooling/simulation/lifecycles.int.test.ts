import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { orders } from "@/drizzle/schema/orders";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind, testServerUrl } from "@/lib/tooling/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import { recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import { invariantViolations } from "./invariants";
import { runOrderLifecycle } from "./order-lifecycle";
import { violationsWithPlanted } from "./planted";
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
console.log(
  `[simulation] seed ${config.seed}, ${indexes.length} lifecycles on ${testDatabaseKind}. Replay: ${replayCommand(config)}`,
);

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
      const spentMs = { setup: 0, attempts: 0, settle: 0, check: 0 };
      for (const index of indexes) {
        const prng = lifecyclePrng(config.seed, index);
        const concurrent = testServerUrl !== undefined;
        const trace: LifecycleTrace =
          index % 2 === 0
            ? await runRefundLifecycle(world, finance, prng, { concurrent })
            : await runOrderLifecycle(world, merchant, prng, { concurrent });
        const checkStarted = performance.now();
        const violations = [
          ...trace.unexpected.map((u) => `unexpected: ${u}`),
          ...(trace.settleCycles === null ? ["items still open after the reconciliation bound"] : []),
          ...(await invariantViolations(world.db, trace, trace.kind === "order" ? world.app().orderDeps.client : null)),
        ];
        spentMs.check += performance.now() - checkStarted;
        spentMs.setup += trace.timingsMs.setup;
        spentMs.attempts += trace.timingsMs.attempts;
        spentMs.settle += trace.timingsMs.settle;
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
        if (trace.checkErrors.length)
          outcomeCounts.set(
            "reconciler checks that threw (retried)",
            (outcomeCounts.get("reconciler checks that threw (retried)") ?? 0) + trace.checkErrors.length,
          );
        for (const outcome of trace.outcomes) {
          const key = `${trace.kind} ${outcome}`;
          outcomeCounts.set(key, (outcomeCounts.get(key) ?? 0) + 1);
        }
        if (trace.settleCycles !== null) cyclesUsed.push(trace.settleCycles);
      }
      const table = [...outcomeCounts.entries()].sort().map(([k, n]) => `  ${k.padEnd(40)} ${n}`);
      console.log(
        `[simulation] seed ${config.seed}: ${indexes.length} lifecycles, all invariants held; reconciler cycles max ${Math.max(0, ...cyclesUsed)}; seconds spent: ${Object.entries(
          spentMs,
        )
          .map(([k, ms]) => `${k} ${(ms / 1000).toFixed(1)}`)
          .join(", ")}\n${table.join("\n")}`,
      );
    },
    120_000 + indexes.length * 5_000,
  );

  describe("the checker catches planted defects (each rolled back)", () => {
    const cards = () => world.app().orderDeps.client;
    const everything = { paymentIds: null, refundIds: null, orderIds: null };

    it("a second debit of a delivered order", async () => {
      const [order] = await world.db.select().from(orders).where(eq(orders.status, "delivered")).limit(1);
      if (!order) return expect.fail("the simulation delivered no order to plant on");
      const seen = await violationsWithPlanted(
        world.db,
        (tx) =>
          recordWalletMovement(tx, {
            walletId: order.walletId,
            kind: "order_debit",
            amountMinor: -order.chargeMinor,
            orderId: order.id,
            at: world.now(),
          }).then(() => undefined),
        // No provider calls inside the transaction: PGlite's one connection is held by it.
        (tx) => invariantViolations(tx, { ...everything, orderIds: [order.id] }, null),
      );
      expect(seen).toContain(`order ${order.id} (delivered): debited 2 times`);
      expect(await invariantViolations(world.db, { ...everything, orderIds: [order.id] }, cards())).toEqual([]);
    });

    it("a Checkout.com refund the sandbox executed twice, and a refund row that reserves nothing", async () => {
      const [refund] = await world.db
        .select()
        .from(refunds)
        .where(and(eq(refunds.provider, "checkout"), eq(refunds.status, "approved")))
        .limit(1);
      if (!refund) return expect.fail("the simulation approved no Checkout.com refund to plant on");
      const [payment] = await world.db.select().from(payments).where(eq(payments.id, refund.paymentId));
      const seen = await violationsWithPlanted(
        world.db,
        async (tx) => {
          await tx.execute(
            sql`update sandbox.documents set data = jsonb_set(data, '{refunds}', (data->'refunds') || (select jsonb_agg(e) from jsonb_array_elements(data->'refunds') e where e->>'reference' = ${`RF-${refund.id}`}))
                where provider = 'checkout' and kind = 'payment' and id = ${payment?.providerPaymentId ?? ""}`,
          );
          await tx.insert(refunds).values({
            ...refund,
            id: crypto.randomUUID(),
            idempotencyKey: crypto.randomUUID(),
            amountMinor: payment?.capturedMinor ?? 1n,
            providerRefundId: null,
          });
        },
        (tx) =>
          invariantViolations(tx, { ...everything, paymentIds: [refund.paymentId], refundIds: [refund.id] }, null),
      );
      expect(seen).toEqual(
        expect.arrayContaining([
          expect.stringMatching(new RegExp(`^payment ${refund.paymentId}: refunds hold`)),
          `refund ${refund.id} (checkout, approved): executed 2 times at the sandbox`,
        ]),
      );
    });
  });
});
