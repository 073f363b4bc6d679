import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openWalletInLedger, recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import { lastZoneDays } from "@/lib/platform/time-zone/zone-days";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { projectedBalances, walletBalanceByDay } from "./wallet-balance-history";

/** 11:00 on 7 Dec 2026 in Hong Kong (UTC+8): the zone's days start at 16:00Z the day before. */
const now = new Date("2026-12-07T03:00:00Z");
const zone = "Asia/Hong_Kong";

describe(`wallet balance per zone day [${testDatabaseKind}]`, () => {
  let database: TestDatabase;
  const db = () => database.db;
  const debit = (amountMinor: bigint, at: string) =>
    db().transaction((tx) =>
      recordWalletMovement(tx, { walletId: 7, kind: "order_debit", amountMinor, at: new Date(at) }),
    );

  beforeAll(async () => {
    database = await createTestDatabase();
    await db().transaction((tx) =>
      openWalletInLedger(
        tx,
        { walletId: 7, currency: "HKD", balanceMinor: 100_000n },
        new Date("2026-11-01T00:00:00Z"),
      ),
    );
    await debit(-1_000n, "2026-11-20T00:00:00Z"); // before the days asked for: the opening balance is 99,000
    await debit(-2_000n, "2026-12-03T15:59:59Z"); // 3 Dec in Hong Kong (23:59:59)
    await debit(-3_000n, "2026-12-03T16:00:00Z"); // 4 Dec in Hong Kong (midnight)
    await debit(-4_000n, "2026-12-04T10:00:00Z"); // also 4 Dec: the day closes on the later one
    await debit(-500n, "2026-12-07T02:00:00Z"); // today
  }, 60_000);
  afterAll(() => database?.close());

  it("closes each day with its last movement's balance, carrying it over days without movements", async () => {
    const days = lastZoneDays(now, zone, 6);
    const balances = await walletBalanceByDay(db(), 7, days);
    expect(balances).toEqual([
      { date: "2026-12-02", balanceMinor: 99_000n },
      { date: "2026-12-03", balanceMinor: 97_000n },
      { date: "2026-12-04", balanceMinor: 90_000n },
      { date: "2026-12-05", balanceMinor: 90_000n },
      { date: "2026-12-06", balanceMinor: 90_000n },
      { date: "2026-12-07", balanceMinor: 89_500n },
    ]);
  });

  it("reads a wallet without movements as empty, and no days as none", async () => {
    expect(await walletBalanceByDay(db(), 404, lastZoneDays(now, zone, 2))).toEqual([
      { date: "2026-12-06", balanceMinor: 0n },
      { date: "2026-12-07", balanceMinor: 0n },
    ]);
    expect(await walletBalanceByDay(db(), 7, [])).toEqual([]);
  });

  it("projects the balance down by the average daily spend, never below zero, flat without spend", () => {
    expect(projectedBalances(10_000n, 3_000n, 5)).toEqual([7_000n, 4_000n, 1_000n, 0n, 0n]);
    expect(projectedBalances(10_000n, 0n, 2)).toEqual([10_000n, 10_000n]);
  });
});
