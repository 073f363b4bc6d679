import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertOutbox, notifications } from "@/drizzle/schema/alerts";
import { users } from "@/drizzle/schema/auth";
import { insertPendingRefund } from "@/lib/domain/refunds/testing/pending-refund";
import { transitionRefund } from "@/lib/domain/refunds/transition-refund";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { deliverDueAlerts } from "./deliver-due-alerts";
import { raiseRefundAlert } from "./raise-refund-alert";

describe(`refund alerts: raised with the move, delivered once to the people who read refunds [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  let readers: string[];
  beforeAll(async () => {
    t = await createTestDatabase();
    const [admin, finance, ops, merchant, leaver] = await Promise.all(
      (["admin", "finance", "ops", "merchant", "ops"] as const).map((role) => makeUser(t.db, role)),
    );
    await t.db.update(users).set({ disabledAt: new Date() }).where(eq(users.id, leaver!.id));
    readers = [admin!.id, finance!.id, ops!.id].sort();
    expect(merchant).toBeDefined();
  }, 120_000);
  afterAll(async () => t?.dispose());

  const pendingRefund = (amountMinor?: bigint) => insertPendingRefund(t.db, amountMinor);

  const move = (refundId: string, to: RefundStatus) => {
    const at = new Date();
    return t.db.transaction((tx) =>
      transitionRefund(tx, refundId, to, { providerDecidedAt: at }, { source: "provider_webhook", kind: "test", at }),
    );
  };

  const alertsOf = (refundId: string) => t.db.select().from(alertOutbox).where(eq(alertOutbox.subjectId, refundId));

  it("writes the alert in the transaction that declines the refund, and a rolled back decline raises nothing", async () => {
    const { paymentId, refundId } = await pendingRefund();
    await expect(
      t.db.transaction(async (tx) => {
        const at = new Date();
        await transitionRefund(
          tx,
          refundId,
          "declined",
          { providerDecidedAt: at },
          { source: "provider_poll", kind: "test", at },
        );
        throw new Error("the caller failed after the move");
      }),
    ).rejects.toThrow("the caller failed");
    expect(await alertsOf(refundId)).toEqual([]);

    await move(refundId, "declined");
    const [alert, ...more] = await alertsOf(refundId);
    expect(more).toEqual([]);
    expect(alert).toMatchObject({
      rule: "refund_declined",
      dedupeKey: `refund_declined:${refundId}`,
      title: "A refund of HK$120.00 was declined by Checkout.com.",
      href: `/payments/${paymentId}#refund-${refundId}`,
      deliveredAt: null,
      attempts: 0,
    });
  });

  it("raises one alert per rule and refund, however often the move happens", async () => {
    const { refundId } = await pendingRefund();
    await move(refundId, "needs_attention");
    await move(refundId, "pending");
    await move(refundId, "needs_attention");
    await t.db.transaction(async (tx) => {
      const facts = { refundId, paymentId: "p", provider: "checkout", amountMinor: 1n, currency: "HKD" };
      await raiseRefundAlert(tx, "needs_attention", facts);
      await raiseRefundAlert(tx, "approved", facts);
    });
    expect((await alertsOf(refundId)).map((a) => a.rule)).toEqual(["refund_needs_attention"]);
  });

  it("delivers each alert exactly once to every active user who reads refunds, with two workers at once", async () => {
    const made = await Promise.all([1, 2, 3, 4, 5].map(() => pendingRefund()));
    for (const { refundId } of made) await move(refundId, "declined");
    const now = new Date(Date.now() + 1_000);

    const runs = await Promise.all([deliverDueAlerts(t.db, { now }), deliverDueAlerts(t.db, { now })]);
    const delivered = runs.flatMap((run) => run.checked).filter((d) => d.outcome === "delivered");
    expect(runs.flatMap((run) => run.failed)).toEqual([]);

    for (const { refundId } of made) {
      const [alert] = await alertsOf(refundId);
      expect(alert).toMatchObject({ attempts: 1, leaseUntil: null, lastError: null });
      expect(alert!.deliveredAt).not.toBeNull();
      const told = await t.db
        .select({ userId: notifications.userId, title: notifications.title, href: notifications.href })
        .from(notifications)
        .where(eq(notifications.outboxId, alert!.id));
      expect(told.map((n) => n.userId).sort()).toEqual(readers);
      expect(new Set(told.map((n) => `${n.title} ${n.href}`))).toEqual(new Set([`${alert!.title} ${alert!.href}`]));
      expect(delivered.filter((d) => d.alertId === alert!.id.toString())).toHaveLength(1);
    }
    const again = await deliverDueAlerts(t.db, { now: new Date(now.getTime() + 120_000) });
    expect(again.checked).toEqual([]);
  });

  it("keeps a failed delivery's error and tries again after the back-off", async () => {
    // Everything due so far is delivered first, so this pass looks at our alert alone.
    await deliverDueAlerts(t.db, { now: new Date(Date.now() + 1_000) });
    const { refundId } = await pendingRefund();
    await move(refundId, "declined");
    await t.db.execute(sql`
      create function refuse_notifications() returns trigger language plpgsql as $$
      begin raise exception 'the notifications table is read-only just now'; end $$`);
    await t.db.execute(
      sql`create trigger refuse_notifications before insert on notifications for each statement execute function refuse_notifications()`,
    );
    const now = new Date(Date.now() + 2_000);
    const failed = await deliverDueAlerts(t.db, { now });
    await t.db.execute(sql`drop trigger refuse_notifications on notifications`);
    await t.db.execute(sql`drop function refuse_notifications()`);

    const [alert] = await alertsOf(refundId);
    expect(failed.checked).toEqual([
      expect.objectContaining({
        alertId: alert!.id.toString(),
        outcome: "failed",
        retryAt: new Date(now.getTime() + 30_000),
      }),
    ]);
    expect(alert).toMatchObject({ deliveredAt: null, attempts: 1, leaseUntil: null });
    expect(alert!.lastError).toContain("read-only just now");
    expect(alert!.nextAttemptAt).toEqual(new Date(now.getTime() + 30_000));
    expect(await t.db.select().from(notifications).where(eq(notifications.outboxId, alert!.id))).toEqual([]);

    expect((await deliverDueAlerts(t.db, { now: new Date(now.getTime() + 29_000) })).checked).toEqual([]);
    const retried = await deliverDueAlerts(t.db, { now: new Date(now.getTime() + 30_000) });
    expect(retried.checked).toEqual([expect.objectContaining({ outcome: "delivered", notified: 3 })]);
    const [after] = await alertsOf(refundId);
    expect(after).toMatchObject({ attempts: 2, lastError: null });
  });
});
