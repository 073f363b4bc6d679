import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { issueRefund } from "../issue-refund";
import { issueRefundInput } from "../refund-input";
import { startRefundsHarness, type RefundsHarness } from "../testing/refunds-harness";
import { checkBackoffMs, maxCheckAttempts, slowCheckIntervalMs } from "./check-schedule";
import { leaseDueRefunds } from "./lease-due-refunds";
import { reconcileDueRefunds } from "./reconcile-due-refunds";
import { syncRefund } from "./sync-refund";
import { describeSyncSummary, syncFailedEntirely, syncRefunds } from "./sync-refunds";

const later = (ms: number) => new Date(Date.now() + ms);

describe(`refund reconciler [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  const refundNow = async (id: string) => (await h.db.select().from(refunds).where(eq(refunds.id, id)))[0];
  const polls = async (id: string) =>
    (await h.db.select().from(refundEvents).where(eq(refundEvents.refundId, id)).orderBy(refundEvents.id))
      .filter((e) => e.source === "provider_poll")
      .map((e) => [e.kind, e.fromStatus, e.toStatus]);
  const issue = async (paymentId: string, amount: string) =>
    (
      await issueRefund(
        h.deps,
        h.finance,
        issueRefundInput.parse({
          paymentId,
          kind: "partial",
          amount,
          reason: "customer_request",
          idempotencyKey: crypto.randomUUID(),
        }),
      )
    ).refund;
  const reconcileAt = (now: Date) => reconcileDueRefunds(h.deps, { limit: 100, now });

  it("a pending refund: each look is an event even when nothing changed, looks back off, then the decision is applied", async () => {
    const payment = await h.capturedPayment("checkout_api", "200.00");
    const refund = await issue(payment.id, "40.00");
    expect(refund.status).toBe("pending");
    expect(await reconcileAt(new Date())).toMatchObject({ checked: [] });

    // Not decided yet at the provider (pending refunds are not listed as actions).
    const first = later(61_000);
    const run = await reconcileAt(first);
    expect(run.checked.find((c) => c.refundId === refund.id)).toMatchObject({ from: "pending", status: "pending" });
    expect(await refundNow(refund.id)).toMatchObject({
      status: "pending",
      checkAttempts: 1,
      lastCheckedAt: first,
      nextCheckAt: new Date(first.getTime() + checkBackoffMs[0]),
      leaseUntil: null,
    });
    expect(await polls(refund.id)).toEqual([["polled", "pending", "pending"]]);

    await h.advance({ seconds: 6 });
    const second = new Date(first.getTime() + checkBackoffMs[0]);
    await reconcileAt(second);
    expect(await refundNow(refund.id)).toMatchObject({
      status: "approved",
      providerStatus: "action approved",
      providerResponseCode: "10000",
      checkAttempts: 2,
      nextCheckAt: null,
    });
    expect(await polls(refund.id)).toEqual([
      ["polled", "pending", "pending"],
      ["polled", "pending", "approved"],
    ]);
    expect((await h.db.select().from(payments).where(eq(payments.id, payment.id)))[0]?.refundReservedMinor).toBe(
      4_000n,
    );
  });

  it("a leased refund is not leased again until its lease ends; two passes never check the same refund", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const refund = await issue(payment.id, "10.00");
    const now = later(61_000);
    const [a, b] = await Promise.all([leaseDueRefunds(h.db, 100, now), leaseDueRefunds(h.db, 100, now)]);
    expect(a.filter((id) => b.includes(id))).toEqual([]);
    expect([...a, ...b]).toContain(refund.id);
    expect(await leaseDueRefunds(h.db, 100, now)).not.toContain(refund.id);
    expect(await leaseDueRefunds(h.db, 100, later(61_000 + 121_000))).toContain(refund.id);
  });

  it("an unknown refund past Checkout.com's 24-hour key window is never resent: it needs attention, with the reason", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    await h.fault({ kind: "http_500", method: "POST", pathContains: "/refunds" });
    const refund = await issue(payment.id, "30.00");
    expect(refund.status).toBe("unknown");
    // The key's 24 hours pass on Checkout.com's clock: the sandbox's.
    await h.advance({ hours: 24 });
    await reconcileAt(later(24 * 3_600_000));
    const after = await refundNow(refund.id);
    expect(after).toMatchObject({
      status: "needs_attention",
      nextCheckAt: null,
      attentionReason: expect.stringContaining("too old to resend safely"),
    });
    expect(
      (await h.client.getPaymentActions(payment.providerPaymentId ?? "")).filter((a) => a.type === "Refund"),
    ).toHaveLength(0);
    expect((await h.client.getPayment(payment.providerPaymentId ?? "")).balances?.totalRefunded ?? 0n).toBe(0n);
    // The money stays reserved until a person decides.
    expect((await h.db.select().from(payments).where(eq(payments.id, payment.id)))[0]?.refundReservedMinor).toBe(
      3_000n,
    );
  });

  it("a refund whose process stopped after phase A (still requested, never sent) is sent with its key two minutes later", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const key = crypto.randomUUID();
    const committedAt = new Date();
    // Phase A's commit as issueRefund makes it; the process then died before calling the provider.
    const [refund] = await h.db
      .insert(refunds)
      .values({
        paymentId: payment.id,
        provider: "checkout",
        status: "requested",
        amountMinor: 2_500n,
        currency: "HKD",
        reason: "duplicate",
        idempotencyKey: key,
        createdAt: committedAt,
        statusChangedAt: committedAt,
        providerRequestedAt: await h.deps.providerNow(),
      })
      .returning();
    await h.db.update(payments).set({ refundReservedMinor: 2_500n }).where(eq(payments.id, payment.id));
    await h.db
      .insert(refundEvents)
      .values({ refundId: refund!.id, at: committedAt, source: "staff", kind: "created", toStatus: "requested" });

    expect((await reconcileAt(later(60_000))).checked.map((c) => c.refundId)).not.toContain(refund!.id);
    await reconcileAt(later(121_000));
    expect(await refundNow(refund!.id)).toMatchObject({
      status: "pending",
      providerRefundId: expect.stringMatching(/^act_/),
      idempotencyKey: key,
    });
    expect(await polls(refund!.id)).toEqual([["resent", "requested", "pending"]]);
  });

  it("two refund actions with one refund's reference are contradictory: needs attention, never resolved on its own", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    await h.fault({ kind: "lost_response", method: "POST", pathContains: "/refunds" });
    const refund = await issue(payment.id, "10.00");
    expect(refund.status).toBe("unknown");
    // Someone repeated it by hand, with a new key and the same reference.
    await h.client.refundPayment(
      payment.providerPaymentId ?? "",
      { amountMinor: 1_000n, reference: `RF-${refund.id}` },
      crypto.randomUUID(),
    );
    await h.advance({ seconds: 6 });
    await reconcileAt(later(31_000));
    expect(await refundNow(refund.id)).toMatchObject({
      status: "needs_attention",
      nextCheckAt: null,
      attentionReason: expect.stringContaining("2 refund actions with this refund's reference"),
    });
  });

  it("too many looks without a decision: needs attention", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const refund = await issue(payment.id, "20.00");
    await h.db
      .update(refunds)
      .set({ checkAttempts: maxCheckAttempts - 1 })
      .where(eq(refunds.id, refund.id));
    await reconcileAt(later(61_000));
    expect(await refundNow(refund.id)).toMatchObject({
      status: "needs_attention",
      checkAttempts: maxCheckAttempts,
      attentionReason: expect.stringContaining(`Still pending after ${maxCheckAttempts} checks`),
    });
    expect(slowCheckIntervalMs).toBe(6 * 3_600_000);
  });

  it("OCTO: an unknown refund is resolved by asking again with the same shop_refund_id", async () => {
    const payment = await h.capturedPayment("octo", "150000.00", "UZS");
    // h.fault queues on the Checkout.com simulator; this one is for OCTO's: the connection drops, nothing is processed.
    await h.control("POST", "faults", { provider: "octo", kind: "reset", method: "POST", pathContains: "/refund" });
    const refund = await issue(payment.id, "20000.00");
    expect(refund.status).toBe("unknown");
    await reconcileAt(later(31_000));
    expect(await refundNow(refund.id)).toMatchObject({
      status: "approved",
      providerStatus: "succeeded",
      providerRefundId: expect.any(String),
      nextCheckAt: null,
    });
    expect(await polls(refund.id)).toEqual([["polled", "unknown", "approved"]]);
  });

  it("Sync now: a staff event and an audit entry, then the same check; a final refund has nothing to sync", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const refund = await issue(payment.id, "20.00");
    await h.advance({ seconds: 6 });
    const result = await syncRefund(h.deps, h.secondFinance, refund.id);
    expect(result).toMatchObject({ from: "pending", status: "approved" });
    const events = await h.db
      .select()
      .from(refundEvents)
      .where(eq(refundEvents.refundId, refund.id))
      .orderBy(refundEvents.id);
    expect(events.slice(-2).map((e) => [e.source, e.kind, e.actorUserId, e.toStatus])).toEqual([
      ["staff", "sync_requested", h.secondFinance.userId, "pending"],
      ["provider_poll", "polled", null, "approved"],
    ]);
    const audit = await h.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.targetId, refund.id), eq(auditLog.action, "refund.sync_requested")));
    expect(audit).toHaveLength(1);

    await h.advance({ days: 1 });
    const declinedRefund = await issue(payment.id, "20.10");
    await h.advance({ seconds: 6 });
    await syncRefund(h.deps, h.finance, declinedRefund.id);
    await expect(syncRefund(h.deps, h.finance, declinedRefund.id)).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("final (declined)"),
    });
  });

  it('Sync now while Checkout.com answers 503 is a failure naming the answer, never "unchanged"', async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const refund = await issue(payment.id, "21.00");
    await h.fault({ kind: "http_503", method: "GET", pathContains: "/actions" });
    const summary = await syncRefunds(h.deps, h.finance, [refund.id]);
    expect(summary).toMatchObject({
      changed: [],
      unchanged: 0,
      failed: [{ refundId: refund.id, reason: "Checkout.com answered HTTP 503" }],
    });
    expect(syncFailedEntirely(summary)).toBe(true);
    expect(describeSyncSummary(summary)).toBe(
      "The check failed: Checkout.com answered HTTP 503. Nothing was changed; the reconciler will try again.",
    );
    expect(await refundNow(refund.id)).toMatchObject({ status: "pending" });
    // Answered again: the same refund checks as unchanged (still pending at the provider).
    const next = await syncRefunds(h.deps, h.finance, [refund.id]);
    expect(next).toMatchObject({ unchanged: 1, failed: [] });
    expect(describeSyncSummary(next)).toBe("Synced with the provider: 1 unchanged.");
  });
});
