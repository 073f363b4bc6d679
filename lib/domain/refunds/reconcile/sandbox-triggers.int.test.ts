import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { receiveCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook/receive-checkout-webhook";
import { issueRefund } from "../issue-refund";
import { issueRefundInput } from "../refund-input";
import type { RefundStatus } from "../refund-status";
import { startRefundsHarness, type RefundsHarness } from "../testing/refunds-harness";
import { reconcileDueRefunds } from "./reconcile-due-refunds";
import { syncRefund } from "./sync-refund";

type Drive = "poll" | "webhook";

/**
 * Each Checkout.com sandbox trigger amount (providers.md §1.7) end to end: our refund flow, the
 * real client over HTTP, the simulator's decision, and our refund's final status reached once by
 * the reconciler polling the actions list and once by the webhooks the simulator delivered.
 */
describe.each<Drive>(["poll", "webhook"])(`sandbox refund triggers, driven by %s [${testDatabaseKind}]`, (drive) => {
  let h: RefundsHarness;
  const fed = new Set<string>();
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  const refundNow = async (id: string) => (await h.db.select().from(refunds).where(eq(refunds.id, id)))[0];
  const reservedOf = async (paymentId: string) =>
    (await h.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.refundReservedMinor;

  /** The deliveries for this refund the simulator made since the last call, fed to our receiver. */
  async function feedWebhooks(refundId: string) {
    for (const delivery of h.receiver.received) {
      const body = JSON.parse(delivery.rawBody) as { id: string; data: { metadata?: { refund_id?: string } } };
      if (body.data.metadata?.refund_id !== refundId || fed.has(body.id)) continue;
      fed.add(body.id);
      const result = await receiveCheckoutWebhook(
        h.db,
        { rawBody: delivery.rawBody, signatureHeader: delivery.headers["cko-signature"] ?? null, headers: {} },
        sandboxCredentials.checkout.webhookSecret,
      );
      expect(result.httpStatus).toBe(200);
    }
  }
  const learn = async (refundId: string) =>
    drive === "poll"
      ? reconcileDueRefunds(h.deps, { limit: 100, now: new Date(Date.now() + 10 * 60_000) })
      : feedWebhooks(refundId);

  async function refundOf(amount: string) {
    const payment = await h.capturedPayment("checkout_api", "500.00");
    const input = issueRefundInput.parse({
      paymentId: payment.id,
      kind: "partial",
      amount,
      reason: "customer_request",
      idempotencyKey: crypto.randomUUID(),
    });
    const { refund } = await issueRefund(h.deps, h.finance, input);
    expect(refund).toMatchObject({ status: "pending", providerRefundId: expect.stringMatching(/^act_/) });
    await h.advance({ seconds: 6 });
    await learn(refund.id);
    return { payment, refund };
  }

  it.each<[string, RefundStatus, string, bigint]>([
    ["100.00", "approved", "10000", 10_000n],
    ["20.10", "declined", "20001", 0n],
    ["20.52", "not_collected", "20016", 0n],
    ["20.53", "declined", "20061", 0n],
  ])("a refund of HK$%s ends %s with code %s; %s stays reserved", async (amount, status, code, reserved) => {
    const { payment, refund } = await refundOf(amount);
    expect(await refundNow(refund.id)).toMatchObject({ status, providerResponseCode: code, nextCheckAt: null });
    expect(await reservedOf(payment.id)).toBe(reserved);
  });

  it("a refund of HK$20.51 is approved, then expires (20019) when not collected within 90 days, and is refundable again", async () => {
    const { payment, refund } = await refundOf("20.51");
    expect(await refundNow(refund.id)).toMatchObject({ status: "approved", providerResponseCode: "10000" });
    expect(await reservedOf(payment.id)).toBe(2_051n);

    await h.advance({ days: 91 });
    // Approved Checkout.com refunds are not polled on a schedule (expiry arrives by webhook); Sync now looks.
    if (drive === "poll") await syncRefund(h.deps, h.finance, refund.id);
    else await feedWebhooks(refund.id);
    expect(await refundNow(refund.id)).toMatchObject({
      status: "expired",
      providerResponseCode: "20019",
      providerResponseSummary: "Transaction expired",
    });
    expect(await reservedOf(payment.id)).toBe(0n);
  });
});
