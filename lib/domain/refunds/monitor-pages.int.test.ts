import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, refunds } from "@/drizzle/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { syncRefundsInput } from "@/lib/app/validation/action-inputs";
import { loadRefundMonitor, monitorPageSize, settledCountCap, type RefundMonitorFilters } from "./monitor";
import { decodeMonitorCursor } from "./monitor-cursor";

const now = new Date("2026-03-10T12:00:00.000Z");
const minute = 60_000;
const ago = (ms: number) => new Date(now.getTime() - ms);

type Status = (typeof refunds.$inferInsert)["status"];

describe(`refunds monitor pages, counts and totals [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  async function paymentIn(currency: string, provider: "checkout" | "octo") {
    const [payment] = await t.db
      .insert(payments)
      .values({
        provider,
        flow: provider === "octo" ? "octo" : "checkout_api",
        status: "captured",
        reference: `MONP-${crypto.randomUUID()}`,
        amountMinor: 10n ** 12n,
        capturedMinor: 10n ** 12n,
        currency,
      })
      .returning();
    return payment!;
  }
  const refundOf = (
    payment: { id: string; provider: "checkout" | "octo"; currency: string },
    status: Status,
    createdAt: Date,
    amountMinor = 100n,
  ) => ({
    paymentId: payment.id,
    provider: payment.provider,
    status,
    amountMinor,
    currency: payment.currency,
    reason: "duplicate" as const,
    idempotencyKey: crypto.randomUUID(),
    createdAt,
    statusChangedAt: createdAt,
  });
  const ids = (monitor: { rows: { id: string }[] }) => monitor.rows.map((r) => r.id);
  const load = (filters: RefundMonitorFilters) => loadRefundMonitor(t.db, filters, now, now);

  it("pages forward and back over the same rows, ties on the time broken by id, and counts what matches", async () => {
    const hkd = await paymentIn("HKD", "checkout");
    // 123 declined refunds; every fifth shares its time with the one before, so the id decides their order.
    await t.db
      .insert(refunds)
      .values(
        Array.from({ length: 123 }, (_, i) => refundOf(hkd, "declined", ago((i - (i % 5 === 4 ? 1 : 0)) * minute))),
      );
    const filters = { status: "declined" } as const;

    const first = await load(filters);
    expect(first.rows).toHaveLength(monitorPageSize);
    expect(first.previousCursor).toBeNull();
    expect(first.isFirstPage).toBe(true);
    expect(first.matching).toEqual({ count: 123, capped: false });
    expect(decodeMonitorCursor(first.nextCursor!)?.direction).toBe("older");

    const second = await load({ ...filters, cursor: first.nextCursor! });
    const third = await load({ ...filters, cursor: second.nextCursor! });
    expect(third.rows).toHaveLength(123 - 2 * monitorPageSize);
    expect(third.nextCursor).toBeNull();
    const all = [...ids(first), ...ids(second), ...ids(third)];
    expect(new Set(all).size).toBe(123);
    const times = [...first.rows, ...second.rows, ...third.rows].map((r) => r.createdAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => b - a));

    // Back from the third page is the second page, and back from that the first, exactly.
    expect(decodeMonitorCursor(third.previousCursor!)?.direction).toBe("newer");
    const backToSecond = await load({ ...filters, cursor: third.previousCursor! });
    expect(ids(backToSecond)).toEqual(ids(second));
    expect(backToSecond.nextCursor).toBe(second.nextCursor);
    const backToFirst = await load({ ...filters, cursor: backToSecond.previousCursor! });
    expect(ids(backToFirst)).toEqual(ids(first));
    expect(backToFirst.isFirstPage).toBe(true);
    expect(backToFirst.previousCursor).toBeNull();
    expect(backToFirst.nextCursor).toBe(first.nextCursor);

    // A filter that matches nothing counts 0; a cursor we never wrote is refused.
    expect((await load({ status: "rejected" })).matching).toEqual({ count: 0, capped: false });
    expect((await load({ cursor: "older.nonsense" })).cursorError).toMatch(/not a valid page cursor/);
    expect(decodeMonitorCursor(`sideways.${first.nextCursor!.slice("older.".length)}`)).toBeNull();
  });

  it("says 'more than' once the matching refunds pass the cap, and a page of them always fits one bulk Sync", async () => {
    const uzs = await paymentIn("UZS", "octo");
    await t.db
      .insert(refunds)
      .values(Array.from({ length: settledCountCap + 3 }, (_, i) => refundOf(uzs, "failed", ago(i * minute))));
    expect((await load({ status: "failed" })).matching).toEqual({ count: settledCountCap, capped: true });
    expect((await load({ status: "failed", provider: "checkout" })).matching).toEqual({ count: 0, capped: false });
    const pageIds = Array.from({ length: monitorPageSize }, () => crypto.randomUUID());
    expect(syncRefundsInput.safeParse({ refundIds: pageIds }).success).toBe(true);
  });

  it("adds up money per status and currency, exact for open refunds and 'at least' past the cap", async () => {
    const hkd = await paymentIn("HKD", "checkout");
    const uzs = await paymentIn("UZS", "octo");
    const usd = await paymentIn("USD", "octo");
    await t.db
      .insert(refunds)
      .values([
        refundOf(hkd, "pending", ago(minute), 1_000n),
        refundOf(hkd, "pending", ago(2 * minute), 2_500n),
        refundOf(uzs, "pending", ago(3 * minute), 700_000n),
        refundOf(uzs, "needs_attention", ago(4 * minute), 5n),
        refundOf(hkd, "awaiting_approval", ago(5 * minute), 9_000_000n),
        refundOf(usd, "approved", ago(6 * minute), 12_345n),
        refundOf(hkd, "approved", ago(7 * minute), 40n),
      ]);
    const { money } = await load({});
    const total = (status: string, currency: string) =>
      money.find((m) => m.status === status && m.currency === currency);
    // Never HKD with UZS: one figure per currency.
    expect(total("pending", "HKD")).toEqual({
      status: "pending",
      currency: "HKD",
      amountMinor: 3_500n,
      atLeast: false,
    });
    expect(total("pending", "UZS")).toEqual({
      status: "pending",
      currency: "UZS",
      amountMinor: 700_000n,
      atLeast: false,
    });
    expect(total("needs_attention", "UZS")?.amountMinor).toBe(5n);
    expect(total("awaiting_approval", "HKD")?.amountMinor).toBe(9_000_000n);
    expect(total("approved", "USD")).toEqual({
      status: "approved",
      currency: "USD",
      amountMinor: 12_345n,
      atLeast: false,
    });
    expect(total("approved", "HKD")).toEqual({ status: "approved", currency: "HKD", amountMinor: 40n, atLeast: false });
    // The first test's 123 declined HKD refunds of 100 each: under the cap, exact.
    expect(total("declined", "HKD")).toEqual({
      status: "declined",
      currency: "HKD",
      amountMinor: 12_300n,
      atLeast: false,
    });
    // OCTO's failed refunds passed the cap: the newest 1,001 were added up, so the figure is a floor.
    expect(total("failed", "UZS")).toEqual({
      status: "failed",
      currency: "UZS",
      amountMinor: BigInt(settledCountCap + 1) * 100n,
      atLeast: true,
    });
  });
});
