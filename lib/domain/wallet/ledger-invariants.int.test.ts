import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { walletBalances, walletMovements } from "@/drizzle/schema/orders";
import { databaseErrorOf } from "@/lib/tooling/testing/db-errors";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { openWalletInLedger, recordWalletMovement } from "./record-movement";

describe(`wallet ledger invariants [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  const walletId = 901;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.transaction((tx) =>
      openWalletInLedger(tx, { walletId, currency: "USD", balanceMinor: 10_000n }, new Date()),
    );
  }, 180_000);
  afterAll(async () => t?.dispose());

  const sumOfMovements = async () =>
    (
      await t.db
        .select({ sum: sql<string>`coalesce(sum(${walletMovements.amountMinor}), 0)` })
        .from(walletMovements)
        .where(eq(walletMovements.walletId, walletId))
    )[0]?.sum;
  const balance = async () =>
    (await t.db.select().from(walletBalances).where(eq(walletBalances.walletId, walletId)))[0]?.balanceMinor;

  it("a balance is the sum of its movements, and each balance_after follows from the one before", async () => {
    for (const amountMinor of [-2_500n, -1_000n, 1_000n, -7_500n, 300n]) {
      await t.db.transaction((tx) =>
        recordWalletMovement(tx, {
          walletId,
          kind: amountMinor < 0n ? "order_debit" : "order_refund",
          amountMinor,
          at: new Date(),
        }),
      );
    }
    expect(await balance()).toBe(300n);
    expect(BigInt((await sumOfMovements()) ?? "-1")).toBe(300n);
    const rows = await t.db
      .select()
      .from(walletMovements)
      .where(eq(walletMovements.walletId, walletId))
      .orderBy(walletMovements.id);
    let running = 0n;
    for (const row of rows) {
      running += row.amountMinor;
      expect(row.balanceAfterMinor).toBe(running);
    }
  });

  it("never goes below zero: the service refuses with the shortfall, and the database refuses a bypass", async () => {
    await expect(
      t.db.transaction((tx) =>
        recordWalletMovement(tx, { walletId, kind: "order_debit", amountMinor: -301n, at: new Date() }),
      ),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      userMessage: expect.stringContaining("short by $0.01"),
    });
    expect(
      await databaseErrorOf(
        t.db.update(walletBalances).set({ balanceMinor: -1n }).where(eq(walletBalances.walletId, walletId)),
      ),
    ).toMatch(/wallet_balances_never_negative/);
    expect(
      await databaseErrorOf(
        t.db
          .insert(walletMovements)
          .values({ walletId, currency: "USD", kind: "order_debit", amountMinor: -400n, balanceAfterMinor: -100n }),
      ),
    ).toMatch(/wallet_movements_balance_never_negative/);
    expect(await balance()).toBe(300n);
  });

  it("ledger rows are never updated, deleted or truncated", async () => {
    expect(await databaseErrorOf(t.db.update(walletMovements).set({ amountMinor: 1n }))).toMatch(
      /wallet_movements is append-only: UPDATE/,
    );
    expect(await databaseErrorOf(t.db.delete(walletMovements))).toMatch(/wallet_movements is append-only: DELETE/);
    expect(await databaseErrorOf(t.db.execute(sql`truncate wallet_movements`))).toMatch(
      /wallet_movements is append-only: TRUNCATE/,
    );
  });
});
