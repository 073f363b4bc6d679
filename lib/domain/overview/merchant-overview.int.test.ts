import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/drizzle/schema/orders";
import { parseOrderListParams } from "@/lib/domain/orders/list/params";
import { listOrders } from "@/lib/domain/orders/list/query";
import { summarizeOrders } from "@/lib/domain/orders/list/totals";
import type { OrderStatus } from "@/lib/domain/orders/order-status";
import { openWalletInLedger, recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import { runwayOf } from "@/lib/domain/wallet/wallet-ledger";
import { withParams } from "@/lib/platform/url/search-params";
import { lastZoneDays } from "@/lib/platform/time-zone/zone-days";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { loadMerchantOverview, orderListParamsForDay, ordersOfDayByStatus } from "./merchant-overview";
import { runwayWords } from "./wallet-runway";

const day = 86_400_000;
/** 11:00 on 7 Dec 2026 in Hong Kong (UTC+8): the zone's today is [6 Dec 16:00Z, 7 Dec 16:00Z). */
const now = new Date("2026-12-07T03:00:00Z");
const zone = "Asia/Hong_Kong";
const todayStart = new Date("2026-12-06T16:00:00Z");
const todayEnd = new Date("2026-12-07T16:00:00Z");

describe(`merchant overview [${testDatabaseKind}]`, () => {
  let database: TestDatabase;
  const db = () => database.db;
  let sequence = 0;

  const move = (walletId: number, kind: "order_debit" | "order_refund", amountMinor: bigint, at: Date) =>
    db().transaction((tx) => recordWalletMovement(tx, { walletId, kind, amountMinor, at }));

  const order = (status: OrderStatus, createdAt: Date, extra: Partial<typeof orders.$inferInsert> = {}) => {
    sequence += 1;
    return {
      vertical: "voucher" as const,
      status,
      clientReference: `OVERVIEW-${sequence}`,
      productId: 123,
      productName: "Steam Wallet Card",
      faceValueMinor: 1000n,
      faceValueCurrency: "USD",
      walletId: 1,
      chargeMinor: 1000n,
      chargeCurrency: "USD",
      createdAt,
      ...extra,
    };
  };

  /** Every row the orders list shows for these URL params, all pages. */
  const listed = async (href: string) => {
    const { filters, error } = parseOrderListParams(new URL(href, "http://overview.test").searchParams);
    expect(error).toBeUndefined();
    const { rows, nextCursor } = await listOrders(db(), filters, 1000);
    expect(nextCursor).toBeNull();
    const summary = await summarizeOrders(db(), filters);
    expect(summary.exact && summary.count).toBe(rows.length);
    return rows;
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    const opened = new Date(now.getTime() - 60 * day);
    await db().transaction(async (tx) => {
      await openWalletInLedger(tx, { walletId: 1, currency: "USD", balanceMinor: 500_000n }, opened);
      await openWalletInLedger(tx, { walletId: 2, currency: "HKD", balanceMinor: 2_000_000n }, opened);
    });
    // USD: outside 30 days (not spend), inside the 30 × 24 h window but before the chart's first zone day,
    // two ordinary days, a refund back, and one debit either side of the zone's midnight.
    await move(1, "order_debit", -9_999n, new Date(now.getTime() - 31 * day));
    await move(1, "order_debit", -300n, new Date("2026-11-07T15:00:00Z"));
    await move(1, "order_debit", -30_000n, new Date(now.getTime() - 10 * day));
    await move(1, "order_debit", -12_000n, new Date(now.getTime() - day));
    await move(1, "order_refund", 2_000n, new Date(now.getTime() - day + 60_000));
    await move(1, "order_debit", -700n, new Date(todayStart.getTime() - 1));
    await move(1, "order_debit", -500n, todayStart);

    const retried = order("failed", new Date(now.getTime() - 3 * day), { isUserFixable: true });
    const [first] = await db().insert(orders).values(retried).returning({ id: orders.id });
    await db()
      .insert(orders)
      .values([
        order("delivered", new Date(now.getTime() - 3 * day + 60_000), { retryOf: first!.id }),
        order("failed", new Date(now.getTime() - 2 * day), { isUserFixable: true }),
        order("failed", new Date(now.getTime() - 2 * day), { isUserFixable: false }),
        order("failed", new Date(now.getTime() - 2 * day)),
        // Today in Hong Kong, from its first to its last millisecond; the first is yesterday in UTC.
        order("delivered", todayStart),
        order("delivered", new Date("2026-12-06T17:00:00Z")),
        order("delivered", new Date(todayEnd.getTime() - 1)),
        order("pending", new Date("2026-12-07T02:00:00Z")),
        order("failed", new Date("2026-12-07T02:30:00Z"), { isUserFixable: true }),
        // Just outside today on either side.
        order("delivered", new Date(todayStart.getTime() - 1)),
        order("pending", todayEnd),
      ]);
  }, 120_000);
  afterAll(async () => database?.close());

  it("gives each wallet its balance, average daily spend and runway in whole days, from our ledger", async () => {
    const { wallets } = await loadMerchantOverview(db(), { now, timeZone: zone });
    const usd = wallets.find((w) => w.currency === "USD")!;
    // Spend in the last 30 × 24 h: 300 + 30,000 + 12,000 − 2,000 + 700 + 500 (the 9,999 is older).
    expect(usd.spendMinor).toBe(41_500n);
    expect(usd.balanceMinor).toBe(500_000n - 9_999n - 41_500n);
    expect(usd.averageDailySpendMinor).toBe(1_383n); // 41,500 ÷ 30, rounded down
    expect(usd.runwayDays).toBe(((500_000n - 9_999n - 41_500n) * 30n) / 41_500n);
    expect(usd.runwayDays).toBe(324n);
    expect(runwayWords(usd.runwayDays)).toBe("about 324 days");
    // The Wallet page's "324.x days" has the same whole part.
    const walletPage = await runwayOf(db(), 1, usd.balanceMinor, now);
    expect(walletPage.runwayTenthsOfDay! / 10n).toBe(usd.runwayDays);

    const hkd = wallets.find((w) => w.currency === "HKD")!;
    expect(hkd).toMatchObject({ balanceMinor: 2_000_000n, spendMinor: 0n, runwayDays: null });
    expect(runwayWords(hkd.runwayDays)).toBe("no spend in 30 days");
    expect(runwayWords(0n)).toBe("less than a day");
    expect(runwayWords(1n)).toBe("about 1 day");
  });

  it("spends per zone day for the last 30 days, a movement counting on the day that holds it", async () => {
    const { dailySpend } = await loadMerchantOverview(db(), { now, timeZone: zone });
    expect(dailySpend.map((s) => s.currency)).toEqual(["HKD", "USD"]);
    const usd = dailySpend.find((s) => s.currency === "USD")!;
    expect(usd.days).toHaveLength(30);
    expect(usd.days[0]!.date).toBe("2026-11-08");
    expect(usd.days[29]!.date).toBe("2026-12-07");
    const nonZero = Object.fromEntries(usd.days.filter((d) => d.spendMinor !== 0n).map((d) => [d.date, d.spendMinor]));
    expect(nonZero).toEqual({
      "2026-11-27": 30_000n, // 27 Nov 03:00Z is 11:00 in Hong Kong
      "2026-12-06": 10_700n, // 12,000 less the 2,000 refund, and the debit a millisecond before midnight
      "2026-12-07": 500n, // at midnight in Hong Kong (16:00Z the day before)
    });
    expect(dailySpend.find((s) => s.currency === "HKD")!.days.every((d) => d.spendMinor === 0n)).toBe(true);
    // In UTC the midnight debits fall on 6 Dec instead.
    const utc = (await loadMerchantOverview(db(), { now, timeZone: "UTC" })).dailySpend.find(
      (s) => s.currency === "USD",
    )!;
    expect(utc.days.find((d) => d.date === "2026-12-06")!.spendMinor).toBe(11_200n);
    expect(utc.days.find((d) => d.date === "2026-12-07")!.spendMinor).toBe(0n);
  });

  it("counts today's orders by status, each count equal to the orders list it links to", async () => {
    const { ordersToday, today } = await loadMerchantOverview(db(), { now, timeZone: zone });
    expect(today).toMatchObject({ date: "2026-12-07", start: todayStart, end: todayEnd });
    expect(ordersToday.map((r) => [r.status, r.count])).toEqual([
      ["pending", 1],
      ["delivered", 3],
      ["failed", 1],
    ]);
    for (const row of ordersToday) {
      const rows = await listed(withParams("/orders", row.listParams));
      expect(rows.length, row.status).toBe(row.count);
      expect(rows.every((r) => r.status === row.status)).toBe(true);
      expect(rows.every((r) => r.createdAt >= todayStart && r.createdAt < todayEnd)).toBe(true);
    }
    expect(ordersToday[0]!.listParams).toEqual({
      status: "pending",
      from: "2026-12-06T16:00",
      to: "2026-12-07T15:59",
      tz: zone,
    });
  });

  it("links a zone day off the hour (Kathmandu, UTC+5:45) to exactly its orders", async () => {
    const kathmandu = lastZoneDays(now, "Asia/Kathmandu", 1)[0]!;
    expect(orderListParamsForDay(kathmandu, "Asia/Kathmandu")).toMatchObject({
      from: "2026-12-06T18:15",
      to: "2026-12-07T18:14",
    });
    const counts = await ordersOfDayByStatus(db(), kathmandu, "Asia/Kathmandu");
    for (const row of counts) expect((await listed(withParams("/orders", row.listParams))).length).toBe(row.count);
    // [6 Dec 18:15Z, 7 Dec 18:15Z): the last three of Hong Kong's today and the one at its end.
    expect(counts.map((r) => [r.status, r.count])).toEqual([
      ["pending", 2],
      ["delivered", 1],
      ["failed", 1],
    ]);
  });

  it("counts failed orders a person can fix and has not retried, beside every failed order the link lists", async () => {
    const { retry } = await loadMerchantOverview(db(), { now, timeZone: zone });
    // Fixable: two days ago and today; the one retried already and the unfixable ones are not.
    expect(retry.fixable).toBe(2);
    expect(retry.failed).toBe(5);
    const rows = await listed(withParams("/orders", retry.listParams));
    expect(rows.length).toBe(retry.failed);
  });
});
