import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { parsePaymentListParams } from "@/lib/domain/payments/list/params";
import { summarizePayments } from "@/lib/domain/payments/list/summary";
import { lastZoneDays } from "@/lib/platform/time-zone/zone-days";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { dailyPaymentMoney, paymentMoneyBetween } from "./payment-money";

/**
 * The 15-minute money slots are kept by triggers on payments: whatever statements change payments
 * (one row, many rows, status, captured or refunded amounts), the slots equal a full recount, and
 * the overview's figures equal the payments list's totals for the same days.
 */
describe(`payment money slots [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  }, 120_000);
  afterAll(async () => t?.dispose());

  const at = (iso: string) => new Date(iso);
  const row = (reference: string, createdAt: string, currency: string, amountMinor: bigint) => ({
    provider: "checkout" as const,
    flow: "checkout_api",
    status: "pending" as const,
    reference,
    amountMinor,
    currency,
    createdAt: at(createdAt),
  });

  async function recount(from: Date, before: Date) {
    const rows = await t.db.execute<{ currency: string; captured_count: string; captured: string; refunded: string }>(
      sql`select currency, count(*) filter (where status = 'captured')::text as captured_count,
            sum(captured_minor)::text as captured, sum(refunded_minor)::text as refunded
          from payments where created_at >= ${from.toISOString()}::timestamptz and created_at < ${before.toISOString()}::timestamptz
          group by currency
          having count(*) filter (where status = 'captured') > 0 or sum(captured_minor) <> 0 or sum(refunded_minor) <> 0
          order by currency`,
    );
    return (rows as unknown as { rows?: typeof rows }).rows ?? rows;
  }

  it("follow every kind of change and equal a full recount", async () => {
    // One statement, many rows, two days and two currencies (a Hong Kong day runs 16:00 to 16:00 UTC).
    const inserted = await t.db
      .insert(payments)
      .values([
        row("MS-1", "2026-12-05T16:10:00Z", "HKD", 10_000n),
        row("MS-2", "2026-12-05T23:59:00Z", "HKD", 20_000n),
        row("MS-3", "2026-12-06T15:59:59Z", "UZS", 5_000_000n),
        row("MS-4", "2026-12-06T16:00:00Z", "HKD", 40_000n),
      ])
      .returning({ id: payments.id, reference: payments.reference });
    const id = (reference: string) => inserted.find((p) => p.reference === reference)!.id;
    // Captured one at a time, then all HKD ones at once; a refund on one; an update that moves no money.
    await t.db
      .update(payments)
      .set({ status: "captured", capturedMinor: 10_000n })
      .where(eq(payments.id, id("MS-1")));
    await t.db
      .update(payments)
      .set({ status: "captured", capturedMinor: sql`${payments.amountMinor}` })
      .where(eq(payments.currency, "HKD"));
    await t.db
      .update(payments)
      .set({ refundReservedMinor: 5_000n, refundedMinor: 5_000n })
      .where(eq(payments.id, id("MS-2")));
    await t.db
      .update(payments)
      .set({ description: "no money moves" })
      .where(eq(payments.id, id("MS-3")));

    const [day1, day2] = lastZoneDays(at("2026-12-07T03:00:00Z"), "Asia/Hong_Kong", 2);
    expect(day1!.date).toBe("2026-12-06");
    const money = await paymentMoneyBetween(t.db, day1!.start, day2!.end);
    expect(money).toEqual([
      { currency: "HKD", capturedCount: 3, capturedMinor: 70_000n, refundedMinor: 5_000n, netMinor: 65_000n },
    ]);
    const recounted = await recount(day1!.start, day2!.end);
    expect(recounted).toEqual([{ currency: "HKD", captured_count: "3", captured: "70000", refunded: "5000" }]);

    const daily = await dailyPaymentMoney(t.db, [day1!, day2!]);
    expect(daily.map(({ day, money }) => [day.date, money.get("HKD")?.capturedMinor, money.get("UZS")])).toEqual([
      ["2026-12-06", 30_000n, undefined],
      ["2026-12-07", 40_000n, undefined],
    ]);
    // MS-3 was never captured: its slot holds no money, so the day shows no UZS at all.
    expect(await paymentMoneyBetween(t.db, at("2026-12-06T15:45:00Z"), at("2026-12-06T16:00:00Z"))).toEqual([]);
  });

  it("give the payments list's totals for the same days in the same zone", async () => {
    const { filters } = parsePaymentListParams({ from: "2026-12-06", to: "2026-12-07", tz: "Asia/Hong_Kong" });
    const summary = await summarizePayments(t.db, filters);
    if (!summary.exact) throw new Error("expected an exact summary");
    const listed = summary.totals
      .filter((total) => total.capturedMinor !== 0n || total.refundedMinor !== 0n)
      .map(({ currency, capturedMinor, refundedMinor }) => ({ currency, capturedMinor, refundedMinor }));
    const [day1, day2] = lastZoneDays(at("2026-12-07T03:00:00Z"), "Asia/Hong_Kong", 2);
    const overview = (await paymentMoneyBetween(t.db, day1!.start, day2!.end)).map(
      ({ currency, capturedMinor, refundedMinor }) => ({ currency, capturedMinor, refundedMinor }),
    );
    expect(overview).toEqual(listed);
  });
});
