import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, refundEvents, refunds } from "@/drizzle/schema";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { expiresInDays } from "./collection-window";
import { isOverdue, loadApprovalQueue, loadRefundMonitor, settledCountCap } from "./monitor";

const now = new Date("2026-03-10T12:00:00.000Z");
const ago = (ms: number) => new Date(now.getTime() - ms);
const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe(`refunds monitor [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  it("flags overdue refunds per provider and counts down the Octopus collection window", () => {
    expect(isOverdue({ provider: "checkout", status: "pending", statusChangedAt: ago(59 * minute) }, now)).toBe(false);
    expect(isOverdue({ provider: "checkout", status: "pending", statusChangedAt: ago(61 * minute) }, now)).toBe(true);
    expect(isOverdue({ provider: "octo", status: "pending", statusChangedAt: ago(31 * minute) }, now)).toBe(true);
    expect(isOverdue({ provider: "octo", status: "unknown", statusChangedAt: ago(6 * minute) }, now)).toBe(true);
    expect(isOverdue({ provider: "octo", status: "unknown", statusChangedAt: ago(4 * minute) }, now)).toBe(false);
    expect(isOverdue({ provider: "checkout", status: "approved", statusChangedAt: ago(30 * day) }, now)).toBe(false);
    expect(
      expiresInDays(
        { provider: "checkout", status: "approved", providerDecidedAt: ago(30 * day), statusChangedAt: ago(30 * day) },
        now,
      ),
    ).toBe(60);
    expect(
      expiresInDays(
        { provider: "octo", status: "approved", providerDecidedAt: ago(30 * day), statusChangedAt: ago(30 * day) },
        now,
      ),
    ).toBeNull();
    expect(
      expiresInDays(
        { provider: "checkout", status: "pending", providerDecidedAt: null, statusChangedAt: ago(30 * day) },
        now,
      ),
    ).toBeNull();
    // The countdown runs from the provider's approval on the provider's clock, not from when we recorded it.
    const sandboxNow = new Date(now.getTime() + 60 * day);
    expect(
      expiresInDays(
        { provider: "checkout", status: "approved", providerDecidedAt: ago(day), statusChangedAt: now },
        sandboxNow,
      ),
    ).toBe(29);
  });

  it("counts per status and provider, buckets non-final refunds by age, filters and pages newest first", async () => {
    const finance = await makeUser(t.db, "finance");
    const [payment] = await t.db
      .insert(payments)
      .values({
        provider: "checkout",
        flow: "checkout_api",
        status: "captured",
        reference: "MON-1",
        amountMinor: 100_000n,
        capturedMinor: 100_000n,
        currency: "HKD",
      })
      .returning();
    const refund = (
      status: (typeof refunds.$inferInsert)["status"],
      createdAt: Date,
      provider: "checkout" | "octo" = "checkout",
    ) => ({
      paymentId: payment!.id,
      provider,
      status,
      amountMinor: 1_000n,
      currency: "HKD",
      reason: "customer_request" as const,
      idempotencyKey: crypto.randomUUID(),
      requestedBy: finance.id,
      createdAt,
      statusChangedAt: createdAt,
    });
    const inserted = await t.db
      .insert(refunds)
      .values([
        refund("pending", ago(10 * minute)),
        refund("unknown", ago(2 * hour), "octo"),
        refund("pending", ago(2 * day)),
        refund("awaiting_approval", ago(5 * day)),
        refund("needs_attention", ago(10 * day)),
        refund("declined", ago(3 * hour)),
        refund("approved", ago(1 * day + minute)),
      ])
      .returning();
    await t.db.insert(refundEvents).values([
      { refundId: inserted[0]!.id, source: "staff", kind: "created", toStatus: "requested", at: ago(10 * minute) },
      {
        refundId: inserted[0]!.id,
        source: "api_call",
        kind: "provider_answer",
        fromStatus: "requested",
        toStatus: "pending",
        at: ago(9 * minute),
      },
    ]);

    const all = await loadRefundMonitor(t.db, {}, now, now);
    // Only refunds still waiting on someone are aged: not declined (final), not approved (its
    // collection countdown shows instead).
    expect(all.ages).toEqual({ lt1h: 1, lt1d: 1, "1to3d": 1, "3to7d": 1, gt7d: 1 });
    expect(all.counts.find((c) => c.status === "pending" && c.provider === "checkout")).toEqual({
      status: "pending",
      provider: "checkout",
      count: 2,
      capped: false,
    });
    expect(all.counts.find((c) => c.status === "declined")).toEqual({
      status: "declined",
      provider: "checkout",
      count: 1,
      capped: false,
    });
    expect(all.counts.some((c) => c.status === "rejected")).toBe(false);
    expect(all.rows.map((r) => r.status)).toEqual([
      "pending",
      "unknown",
      "declined",
      "approved",
      "pending",
      "awaiting_approval",
      "needs_attention",
    ]);
    expect(all.rows[0]?.lastEvent).toMatchObject({ kind: "provider_answer", source: "api_call" });
    expect(all.rows[1]).toMatchObject({ overdue: true, lastEvent: null, requesterEmail: finance.email });
    expect(all.rows[3]?.expiresInDays).toBe(89);

    expect((await loadRefundMonitor(t.db, { provider: "octo" }, now, now)).rows.map((r) => r.status)).toEqual([
      "unknown",
    ]);
    expect(
      (await loadRefundMonitor(t.db, { status: "pending", age: "1to3d" }, now, now)).rows.map((r) => r.id),
    ).toEqual([inserted[2]!.id]);
    // An age bucket's link lists exactly the refunds it counted.
    expect((await loadRefundMonitor(t.db, { age: "1to3d" }, now, now)).rows.map((r) => r.id)).toEqual([
      inserted[2]!.id,
    ]);
    expect((await loadRefundMonitor(t.db, { cursor: "nonsense" }, now, now)).cursorError).toMatch(
      /not a valid page cursor/,
    );
    expect((await loadApprovalQueue(t.db)).map((r) => [r.id, r.requesterEmail])).toEqual([
      [inserted[3]!.id, finance.email],
    ]);
  });

  it("counts open refunds exactly at any number and settled ones up to the cap, then says so", async () => {
    const [payment] = await t.db
      .insert(payments)
      .values({
        provider: "octo",
        flow: "octo",
        status: "captured",
        reference: "MON-CAP",
        amountMinor: 100_000n,
        capturedMinor: 100_000n,
        currency: "UZS",
      })
      .returning();
    const refund = (status: (typeof refunds.$inferInsert)["status"], createdAt: Date) => ({
      paymentId: payment!.id,
      provider: "octo" as const,
      status,
      amountMinor: 1n,
      currency: "UZS",
      reason: "duplicate" as const,
      idempotencyKey: crypto.randomUUID(),
      createdAt,
      statusChangedAt: createdAt,
    });
    const over = settledCountCap + 5;
    // A bucket holds ages in (from, to]: each edge and 1 ms before it land in the same bucket; age ≤ 0 is in none.
    const edges = [0, hour, day, 3 * day, 7 * day, 30 * day].flatMap((ms) => [ago(ms - 1), ago(ms)]);
    await t.db
      .insert(refunds)
      .values([
        ...Array.from({ length: over }, (_, i) => refund("failed", ago(i * minute))),
        ...Array.from({ length: settledCountCap }, (_, i) => refund("expired", ago(i * minute))),
        ...Array.from({ length: over }, (_, i) => refund("requested", ago(8 * day + i * minute))),
        ...edges.map((at) => refund("unknown", at)),
      ]);

    const monitor = await loadRefundMonitor(t.db, {}, now, now);
    const octo = (status: string) => monitor.counts.find((c) => c.provider === "octo" && c.status === status);
    expect(octo("failed")).toEqual({ status: "failed", provider: "octo", count: settledCountCap, capped: true });
    expect(octo("expired")).toEqual({ status: "expired", provider: "octo", count: settledCountCap, capped: false });
    expect(octo("requested")).toEqual({ status: "requested", provider: "octo", count: over, capped: false });
    expect(octo("unknown")).toEqual({ status: "unknown", provider: "octo", count: edges.length + 1, capped: false });
    // The first test's open refunds (one per bucket) are still there.
    expect(monitor.ages).toEqual({ lt1h: 1 + 2, lt1d: 1 + 2, "1to3d": 1 + 2, "3to7d": 1 + 2, gt7d: 1 + 2 + over });
    // Each bucket's link lists exactly what it counted.
    expect(
      (await loadRefundMonitor(t.db, { age: "3to7d", provider: "octo" }, now, now)).rows
        .map((r) => r.createdAt.getTime())
        .sort(),
    ).toEqual([ago(7 * day), ago(7 * day - 1)].map((d) => d.getTime()));
  });
});
