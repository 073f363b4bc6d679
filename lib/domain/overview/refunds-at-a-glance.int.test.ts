import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, type PaymentProviderName } from "@/drizzle/schema/payments";
import { refundFollowUps, refunds } from "@/drizzle/schema/refunds";
import { loadRefundMonitor } from "@/lib/domain/refunds/monitor";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { refundsAtAGlance } from "./refunds-at-a-glance";
import { syncDisagreementsByProvider } from "./sync-disagreements";

/**
 * Every figure of "Needs a person" is the count of the refunds list it links to, and that list
 * holds exactly the rows the monitor marks as such (overdue, action needed): the SQL conditions
 * and the row flags are two writings of one rule, checked against each other on a spread of
 * statuses, providers and waits around each provider's threshold.
 */
describe(`the overview's refund and drift figures equal their lists [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  const now = new Date("2026-12-07T12:00:00Z");
  const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
  let requester: string;
  let paymentOf: Record<PaymentProviderName, string>;

  beforeAll(async () => {
    t = await createTestDatabase();
    requester = (await makeUser(t.db, "finance")).id;
    const inserted = await t.db
      .insert(payments)
      .values(
        (["checkout", "octo"] as const).map((provider) => ({
          provider,
          flow: "external",
          status: "captured" as const,
          reference: `GL-${provider}`,
          amountMinor: 10_000_000n,
          capturedMinor: 10_000_000n,
          currency: provider === "octo" ? "UZS" : "HKD",
        })),
      )
      .returning({ id: payments.id, provider: payments.provider });
    paymentOf = Object.fromEntries(inserted.map((p) => [p.provider, p.id])) as Record<PaymentProviderName, string>;
    // Waits on both sides of each threshold: unknown 5 min, Checkout.com pending 60 min, OCTO pending 30 min.
    const spread: [PaymentProviderName, RefundStatus, number][] = [];
    for (const provider of ["checkout", "octo"] as const)
      for (const status of ["unknown", "pending", "requested", "needs_attention", "awaiting_approval"] as const)
        for (const waited of [4, 6, 31, 61]) spread.push([provider, status, waited]);
    for (const status of ["declined", "expired", "not_collected"] as const) spread.push(["checkout", status, 90]);
    spread.push(["octo", "declined", 90]);
    const rows = await t.db
      .insert(refunds)
      .values(
        spread.map(([provider, status, waited], index) => ({
          paymentId: paymentOf[provider],
          provider,
          status,
          amountMinor: 100n,
          currency: provider === "octo" ? "UZS" : "HKD",
          reason: "customer_request" as const,
          idempotencyKey: `glance-${index}`,
          requestedBy: requester,
          createdAt: minutesAgo(waited + 1),
          statusChangedAt: minutesAgo(waited),
        })),
      )
      .returning({ id: refunds.id, status: refunds.status });
    // One declined refund settled another way (follow-up done), one still open.
    const declined = rows.filter((r) => r.status === "declined");
    await t.db.insert(refundFollowUps).values([
      {
        refundId: declined[0]!.id,
        actorUserId: requester,
        note: "Paid by bank transfer",
        task: "refund",
        state: "done",
      },
      { refundId: declined[1]!.id, actorUserId: requester, note: "Call the customer", task: "call", state: "open" },
    ]);
  }, 120_000);
  afterAll(async () => t?.dispose());

  /** Every refund as the unfiltered monitor shows it (fewer than one page). */
  const allRows = async () => (await loadRefundMonitor(t.db, {}, now, now)).rows;

  it("needs a person: follow-up, needs attention and overdue are the filtered lists' counts and rows", async () => {
    const glance = await refundsAtAGlance(t.db, crypto.randomUUID(), now);
    const all = await allRows();
    expect(all.length).toBeLessThan(50);
    const listed = async (filters: Parameters<typeof loadRefundMonitor>[1]) => {
      const monitor = await loadRefundMonitor(t.db, filters, now, now);
      return { count: monitor.matching, ids: monitor.rows.map((r) => r.id).sort() };
    };
    const ids = (rows: typeof all) => rows.map((r) => r.id).sort();

    const overdue = await listed({ need: "overdue" });
    expect(glance.overdue).toEqual({ count: overdue.count.count, capped: false });
    expect(overdue.ids).toEqual(ids(all.filter((r) => r.overdue)));
    // unknown past 5 min (6, 31, 61) × 2 providers; pending and requested past 60 min at
    // Checkout.com (61) and past 30 min at OCTO (31, 61).
    expect(glance.overdue.count).toBe(3 * 2 + 2 * 1 + 2 * 2);

    const followUp = await listed({ need: "follow_up" });
    expect(glance.followUp).toEqual({ count: followUp.count.count, capped: false });
    expect(followUp.ids).toEqual(ids(all.filter((r) => r.actionNeeded)));
    expect(glance.followUp.count).toBe(4 - 1);

    const attention = await listed({ status: "needs_attention" });
    expect(glance.needsAttention).toEqual({ count: attention.count.count, capped: false });
    expect(glance.needsAttention.count).toBe(8);

    expect(glance.approvals).toEqual({ total: 8, forMe: 8 });
    expect((await refundsAtAGlance(t.db, requester, now)).approvals).toEqual({ total: 8, forMe: 0 });
  });

  it("reconciliation drift per provider is the payments list's sync=disagreed count, zero for a provider with none", async () => {
    expect(await syncDisagreementsByProvider(t.db)).toEqual([
      { provider: "checkout", count: 0 },
      { provider: "octo", count: 0 },
    ]);
    await t.db
      .update(payments)
      .set({ syncDisagreement: ["amount"] })
      .where(eq(payments.id, paymentOf.octo));
    expect(await syncDisagreementsByProvider(t.db)).toEqual([
      { provider: "checkout", count: 0 },
      { provider: "octo", count: 1 },
    ]);
  });
});
