import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import type { FaultKind } from "@/lib/integrations/sandbox/testing";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { issueRefund } from "../issue-refund";
import { issueRefundInput } from "../refund-input";
import { startRefundsHarness, type RefundsHarness } from "../testing/refunds-harness";
import { reconcileDueRefunds } from "./reconcile-due-refunds";

/**
 * The simulator's fault injection on POST …/refunds: each way the refund call can fail leaves
 * the refund unknown with its money reserved; the reconciler resolves it with the same key, and
 * the provider ends with exactly one Refund action for it.
 */
describe(`refund call faults, resolved by the reconciler [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  const refundNow = async (id: string) => (await h.db.select().from(refunds).where(eq(refunds.id, id)))[0];
  const reconcileAt = (msFromNow: number) =>
    reconcileDueRefunds(h.deps, { limit: 100, now: new Date(Date.now() + msFromNow) });
  const refundActionsOf = async (providerPaymentId: string) =>
    (await h.client.getPaymentActions(providerPaymentId)).filter((a) => a.type === "Refund");

  async function unknownRefund(fault: FaultKind) {
    const payment = await h.capturedPayment("checkout_api", "300.00");
    await h.fault({
      kind: fault,
      method: "POST",
      pathContains: "/refunds",
      ...(fault === "timeout" && { delayMs: 3_000 }),
    });
    const input = issueRefundInput.parse({
      paymentId: payment.id,
      kind: "partial",
      amount: "50.00",
      reason: "customer_request",
      idempotencyKey: crypto.randomUUID(),
    });
    const { refund } = await issueRefund(h.deps, h.finance, input);
    expect(refund).toMatchObject({ status: "unknown", providerRefundId: null, nextCheckAt: expect.any(Date) });
    return { payment, refund, pay: payment.providerPaymentId ?? "" };
  }

  it.each<FaultKind>(["timeout", "http_500", "http_429", "reset", "lost_response"])(
    "%s: unknown, resent once with the same key, then approved; exactly one refund at the provider",
    async (fault) => {
      const { payment, refund, pay } = await unknownRefund(fault);
      await reconcileAt(31_000);
      const resent = await refundNow(refund.id);
      expect(resent).toMatchObject({
        status: "pending",
        providerRefundId: expect.stringMatching(/^act_/),
        idempotencyKey: refund.idempotencyKey,
      });

      await h.advance({ seconds: 6 });
      await reconcileAt(10 * 60_000);
      const final = await refundNow(refund.id);
      expect(final).toMatchObject({
        status: "approved",
        providerResponseCode: "10000",
        providerRefundId: resent?.providerRefundId,
        nextCheckAt: null,
      });

      const actions = await refundActionsOf(pay);
      expect(actions.map((a) => [a.id, a.amountMinor, a.reference])).toEqual([
        [resent?.providerRefundId, 5_000n, `RF-${refund.id}`],
      ]);
      expect((await h.client.getPayment(pay)).balances?.totalRefunded).toBe(5_000n);
      expect(await h.db.select().from(refunds).where(eq(refunds.paymentId, payment.id))).toHaveLength(1);
      const polled = (
        await h.db.select().from(refundEvents).where(eq(refundEvents.refundId, refund.id)).orderBy(refundEvents.id)
      ).filter((e) => e.source === "provider_poll");
      expect(polled.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([
        ["resent", "unknown", "pending"],
        ["polled", "pending", "approved"],
      ]);
    },
    30_000,
  );

  it("lost_response, decided before the reconciler looks: found by its reference, never resent", async () => {
    const { refund, pay } = await unknownRefund("lost_response");
    await h.advance({ seconds: 6 });
    await reconcileAt(31_000);
    const [action] = await refundActionsOf(pay);
    expect(await refundNow(refund.id)).toMatchObject({ status: "approved", providerRefundId: action?.id });
    expect(await refundActionsOf(pay)).toHaveLength(1);
    const polled = (await h.db.select().from(refundEvents).where(eq(refundEvents.refundId, refund.id))).filter(
      (e) => e.source === "provider_poll",
    );
    expect(polled.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([["polled", "unknown", "approved"]]);
  });

  it("a refusal on the resend (the payment can no longer be refunded) fails the refund and releases its money", async () => {
    const { refund, pay } = await unknownRefund("http_500");
    // Meanwhile the whole payment is refunded in the provider's dashboard.
    await h.client.refundPayment(pay, { amountMinor: 30_000n, reference: "elsewhere" }, crypto.randomUUID());
    await reconcileAt(31_000);
    expect(await refundNow(refund.id)).toMatchObject({ status: "failed" });
    expect((await refundActionsOf(pay)).filter((a) => a.reference === `RF-${refund.id}`)).toHaveLength(0);
  });
});
