import { eq, like } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertRuleSettings, alertRuleTeams } from "@/drizzle/schema/alert-rules";
import { alertOutbox } from "@/drizzle/schema/alerts";
import { walletBalances, walletLowBalanceThresholds } from "@/drizzle/schema/orders";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import { webhookRejectionCounts } from "@/drizzle/schema/webhook-rejections";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { evaluateAlertRules } from "./evaluate-alert-rules";
import { windowStartOf } from "./webhook-signature-failures";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

describe(`alert rules evaluated every minute: each finding raised once, as the admin set them [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  const now = new Date();
  const ago = (ms: number) => new Date(now.getTime() - ms);

  beforeAll(async () => {
    t = await createTestDatabase();
  }, 120_000);
  afterAll(async () => t?.dispose());

  async function refund(status: RefundStatus, statusChangedAt: Date, provider: "checkout" | "octo" = "checkout") {
    const [payment] = await t.db
      .insert(payments)
      .values({
        provider,
        flow: provider === "checkout" ? "checkout_api" : "octo_checkout",
        status: "captured",
        reference: `T-${crypto.randomUUID()}`,
        amountMinor: 100_000n,
        capturedMinor: 100_000n,
        currency: "HKD",
      })
      .returning();
    const [row] = await t.db
      .insert(refunds)
      .values({
        paymentId: payment!.id,
        provider,
        status,
        amountMinor: 12_000n,
        currency: "HKD",
        reason: "customer_request",
        idempotencyKey: crypto.randomUUID(),
        createdAt: statusChangedAt,
        statusChangedAt,
      })
      .returning();
    return row!.id;
  }

  async function wallet(walletId: number, currency: string, openingMinor: bigint, spentMinor: bigint) {
    await t.db.insert(walletBalances).values({ walletId, currency, balanceMinor: 0n });
    await t.db.transaction(async (tx) => {
      await recordWalletMovement(tx, {
        walletId,
        kind: "opening_balance",
        amountMinor: openingMinor,
        at: ago(40 * day),
      });
      if (spentMinor > 0n)
        await recordWalletMovement(tx, { walletId, kind: "order_debit", amountMinor: -spentMinor, at: ago(day) });
    });
  }

  async function refused(provider: string, minute: Date, received: number) {
    await t.db.insert(webhookRejectionCounts).values({ provider, minute, received });
  }

  const keys = async (prefix: string) =>
    (
      await t.db
        .select({ key: alertOutbox.dedupeKey })
        .from(alertOutbox)
        .where(like(alertOutbox.dedupeKey, `${prefix}%`))
    )
      .map((row) => row.key)
      .sort();

  const setThreshold = (rule: string, threshold: number) =>
    t.db
      .insert(alertRuleSettings)
      .values({ rule, threshold })
      .onConflictDoUpdate({ target: alertRuleSettings.rule, set: { threshold } });

  const setTeam = (rule: string, team: "admin" | "finance" | "ops" | "merchant", enabled: boolean) =>
    t.db
      .insert(alertRuleTeams)
      .values({ rule, team, enabled })
      .onConflictDoUpdate({ target: [alertRuleTeams.rule, alertRuleTeams.team], set: { enabled } });

  const window = windowStartOf(now);
  let overdue: string;
  let unknownOverdue: string;
  let waited5h: string;
  let waited3h: string;

  it("raises each finding once with the defaults, and a second pass (or another instance) raises nothing", async () => {
    // Checkout.com expects a refund within an hour, OCTO within 30 minutes; unknown is overdue after 5 minutes.
    overdue = await refund("pending", ago(2 * hour));
    await refund("pending", ago(50 * minute));
    const octoOverdue = await refund("requested", ago(40 * minute), "octo");
    unknownOverdue = await refund("unknown", ago(6 * minute));
    await refund("unknown", ago(4 * minute));
    await refund("approved", ago(30 * day));
    waited5h = await refund("awaiting_approval", ago(5 * hour));
    waited3h = await refund("awaiting_approval", ago(3 * hour));
    // USD: below the admin's balance threshold; HKD: 70 days of runway (3,000 spent in 30 days, 7,000 left).
    await wallet(901, "USD", 10_000n, 0n);
    await t.db.insert(walletLowBalanceThresholds).values({ currency: "USD", amountMinor: 50_000n });
    await wallet(902, "HKD", 10_000n, 3_000n);
    // More than 10 refused in one 10-minute window raises; exactly 10 does not.
    await refused("checkout", window, 6);
    await refused("checkout", new Date(window.getTime() + minute), 5);
    await refused("octo", window, 10);

    const [first, concurrent] = await Promise.all([evaluateAlertRules(t.db, now), evaluateAlertRules(t.db, now)]);
    // Two instances evaluating at once raise each alert once between them.
    for (const rule of ["refund_overdue", "approval_waiting", "wallet_low", "webhook_signature_failures"] as const)
      expect((first[rule] ?? 0) + (concurrent[rule] ?? 0), rule).toBeGreaterThanOrEqual(1);
    expect(await keys("refund_overdue:")).toEqual(
      [`refund_overdue:${overdue}`, `refund_overdue:${octoOverdue}`, `refund_overdue:${unknownOverdue}`].sort(),
    );
    expect(await keys("approval_waiting:")).toEqual([`approval_waiting:${waited5h}`]);
    expect(await keys("wallet_low:")).toEqual([`wallet_low:USD:${now.toISOString().slice(0, 10)}`]);
    expect(await keys("webhook_signature_failures:")).toEqual([
      `webhook_signature_failures:checkout:${window.toISOString()}`,
    ]);
    const [signature] = await t.db
      .select()
      .from(alertOutbox)
      .where(like(alertOutbox.dedupeKey, "webhook_signature_failures:%"));
    expect(signature?.title).toContain("We refused 11 webhooks claiming to come from Checkout.com");

    const before = (await t.db.select().from(alertOutbox)).length;
    expect(await evaluateAlertRules(t.db, now)).toEqual({
      refund_overdue: 0,
      approval_waiting: 0,
      wallet_low: 0,
      webhook_signature_failures: 0,
    });
    expect(await t.db.select().from(alertOutbox)).toHaveLength(before);
  });

  it("uses the admin's thresholds: fewer hours, more days of runway, a lower count", async () => {
    await setThreshold("approval_waiting", 2);
    await setThreshold("wallet_low", 90);
    await setThreshold("webhook_signature_failures", 9);
    expect(await evaluateAlertRules(t.db, now)).toEqual({
      refund_overdue: 0,
      approval_waiting: 1,
      wallet_low: 1,
      webhook_signature_failures: 1,
    });
    expect(await keys("approval_waiting:")).toEqual(
      [`approval_waiting:${waited5h}`, `approval_waiting:${waited3h}`].sort(),
    );
    expect(await keys("wallet_low:HKD")).toEqual([`wallet_low:HKD:${now.toISOString().slice(0, 10)}`]);
    expect(await keys("webhook_signature_failures:octo")).toEqual([
      `webhook_signature_failures:octo:${window.toISOString()}`,
    ]);
    // The next UTC day a wallet that is still low is raised again, once.
    const tomorrow = new Date(now.getTime() + day);
    expect((await evaluateAlertRules(t.db, tomorrow)).wallet_low).toBe(2);
    expect((await evaluateAlertRules(t.db, tomorrow)).wallet_low).toBe(0);
  });

  it("does not look at a rule switched off for every team that may see it, and looks again once one team is back", async () => {
    const waited10h = await refund("awaiting_approval", ago(10 * hour));
    // Approvals are for admins and finance; ops and merchants were never told, so their switch changes nothing.
    await setTeam("approval_waiting", "admin", false);
    await setTeam("approval_waiting", "finance", false);
    const off = await evaluateAlertRules(t.db, now);
    expect(off).not.toHaveProperty("approval_waiting");
    expect(off).toHaveProperty("refund_overdue", 0);
    expect(await keys(`approval_waiting:${waited10h}`)).toEqual([]);

    await setTeam("approval_waiting", "finance", true);
    expect((await evaluateAlertRules(t.db, now)).approval_waiting).toBe(1);
    expect(await keys(`approval_waiting:${waited10h}`)).toEqual([`approval_waiting:${waited10h}`]);
  });

  it("raises an overdue refund once even after it moves on and comes back", async () => {
    await t.db
      .update(refunds)
      .set({ status: "pending", statusChangedAt: ago(3 * hour) })
      .where(eq(refunds.id, unknownOverdue));
    expect((await evaluateAlertRules(t.db, now)).refund_overdue).toBe(0);
    expect(await keys(`refund_overdue:${unknownOverdue}`)).toHaveLength(1);
  });
});
