import { eq, inArray } from "drizzle-orm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, walletBalances, walletMovements } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { AppError } from "@/lib/platform/errors";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import type { VoucherOrder } from "@/lib/integrations/providers/octopus-cards/types";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testServerUrl, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { openWalletInLedger } from "@/lib/domain/wallet/record-movement";
import { ledgerInvariantViolations } from "@/lib/domain/wallet/wallet-ledger";
import { placeOrder, type OrderDeps, type PlaceOrderInput } from "./place-order";

/**
 * Concurrent orders against one wallet (2–16 at once, some reusing a client_reference: a double
 * click) never take our ledger below zero, never debit more than the wallet had, never make two
 * orders (or two provider calls) for one client_reference, and leave the ledger consistent. On the
 * Postgres server only: PGlite has one connection, so nothing would run at once.
 */
const runs = 120;
const openingMinor = 10_000n;

interface Attempt {
  chargeMinor: number;
  reuses: number | null;
}

const attemptsArbitrary = fc.array(
  fc.record({ chargeMinor: fc.integer({ min: 1, max: 4_000 }), reuses: fc.option(fc.nat({ max: 15 }), { nil: null }) }),
  { minLength: 2, maxLength: 16 },
);

/** A provider that delivers every voucher order, counting calls per client_reference. */
let nextProviderOrderId = 1;
function countingProvider() {
  const callsPerReference = new Map<string, number>();
  const client = {
    async createVoucherOrder(input: {
      clientReference?: string;
      walletId?: number;
      productId: number;
      denomination: { minor: bigint; currency: string };
      quantity: number;
    }): Promise<VoucherOrder> {
      const ref = input.clientReference ?? "";
      callsPerReference.set(ref, (callsPerReference.get(ref) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
      const id = nextProviderOrderId++;
      return {
        id,
        productId: input.productId,
        productName: "Test voucher",
        denomination: { minor: input.denomination.minor, currency: input.denomination.currency },
        quantity: input.quantity,
        amount: input.denomination,
        discount: { minor: 0n, currency: input.denomination.currency },
        deduction: null,
        clientReference: ref,
        walletId: input.walletId ?? null,
        status: "DELIVERED",
        message: null,
        email: null,
        vouchers: [],
        transactionId: null,
        failure: null,
        createdAt: new Date(),
      } as VoucherOrder;
    },
  };
  return { callsPerReference, client: client as unknown as OctopusCardsClient };
}

describe.skipIf(!testServerUrl)("no overdraft and one order per client_reference under concurrency [postgres]", () => {
  let database: TestDatabase;
  let actor: AuditActor;
  let walletSeq = 100_000 + Math.floor(Math.random() * 1_000_000);
  beforeAll(async () => {
    database = await createTestDatabase({ maxConnections: 20 });
    actor = actorOf(await makeUser(database.db, "merchant"));
  }, 180_000);
  afterAll(async () => database?.dispose());

  async function runCase(attempts: Attempt[]): Promise<string[]> {
    const db = database.db;
    const walletId = walletSeq++;
    await db.transaction((tx) =>
      openWalletInLedger(tx, { walletId, currency: "USD", balanceMinor: openingMinor }, new Date()),
    );
    const provider = countingProvider();
    const deps: OrderDeps = { db, client: provider.client, now: () => new Date() };
    const refs = attempts.map(() => `ORD-${crypto.randomUUID()}`);
    const inputs = attempts.map((attempt, i): PlaceOrderInput => {
      const source = attempt.reuses !== null && attempt.reuses < i ? attempt.reuses : i;
      const chosen = attempts[source] ?? attempt;
      const charge = { minor: BigInt(chosen.chargeMinor), currency: "USD" };
      return {
        vertical: "voucher",
        clientReference: refs[source] ?? refs[i] ?? "",
        productId: 1,
        productName: "Test voucher",
        quantity: 1,
        faceValue: charge,
        walletId,
        quotedCharge: charge,
      };
    });
    const settled = await Promise.allSettled(inputs.map((input) => placeOrder(deps, actor, input)));
    const problems: string[] = [];
    for (const result of settled) {
      if (
        result.status === "rejected" &&
        !(result.reason instanceof AppError && result.reason.code === "VALIDATION_FAILED")
      )
        problems.push(`unexpected error: ${String(result.reason)}`);
    }
    const [balance] = await db.select().from(walletBalances).where(eq(walletBalances.walletId, walletId));
    if (!balance || balance.balanceMinor < 0n) problems.push(`balance ${balance?.balanceMinor}`);
    const movements = await db.select().from(walletMovements).where(eq(walletMovements.walletId, walletId));
    const debited = -movements.filter((m) => m.kind !== "opening_balance").reduce((sum, m) => sum + m.amountMinor, 0n);
    if (debited > openingMinor) problems.push(`debited ${debited} of ${openingMinor}`);
    if (movements.some((m) => m.balanceAfterMinor < 0n)) problems.push("a negative balance_after");
    const rows = await db
      .select()
      .from(orders)
      .where(inArray(orders.clientReference, [...new Set(inputs.map((i) => i.clientReference))]));
    for (const ref of new Set(inputs.map((i) => i.clientReference))) {
      const forRef = rows.filter((r) => r.clientReference === ref).length;
      const calls = provider.callsPerReference.get(ref) ?? 0;
      if (forRef > 1 || calls > 1 || calls !== forRef)
        problems.push(`client_reference ${ref}: ${forRef} orders, ${calls} provider calls`);
    }
    const debitsPerOrder = new Map<string, number>();
    for (const m of movements)
      if (m.kind === "order_debit" && m.orderId)
        debitsPerOrder.set(m.orderId, (debitsPerOrder.get(m.orderId) ?? 0) + 1);
    for (const [orderId, count] of debitsPerOrder)
      if (count > 1) problems.push(`order ${orderId} debited ${count} times`);
    problems.push(...(await ledgerInvariantViolations(db)));
    return problems;
  }

  it(`holds for ${runs} generated cases of 2–16 concurrent orders`, async () => {
    const seed = Number(process.env.PROPERTY_SEED ?? Date.now() % 2 ** 31);
    console.info(`[property] no overdraft: seed ${seed} (replay with PROPERTY_SEED=${seed})`);
    await fc.assert(
      fc.asyncProperty(attemptsArbitrary, async (attempts) => {
        expect(await runCase(attempts)).toEqual([]);
      }),
      { numRuns: runs, seed },
    );
  }, 600_000);
});
