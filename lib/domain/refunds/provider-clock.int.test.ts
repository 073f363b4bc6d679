import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refunds } from "@/drizzle/schema/refunds";
import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { parseOctoTime } from "@/lib/integrations/providers/octo/time";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { receiveCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook/receive-checkout-webhook";
import { issueRefund } from "./issue-refund";
import { loadRefundMonitor } from "./monitor";
import { loadPaymentRefunds } from "./payment-refunds";
import { syncRefund } from "./reconcile/sync-refund";
import { issueRefundInput } from "./refund-input";
import { startRefundsHarness, type RefundsHarness } from "./testing/refunds-harness";

const day = 86_400_000;

/**
 * Provider-aware time: the sandbox clock starts 30 days ahead of real time here, so a time taken
 * from our wall clock instead of the provider's is a month off and every assertion below fails.
 */
describe(`refund times on the provider's clock [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
    await h.advance({ days: 30 });
  }, 180_000);
  afterAll(async () => h?.close());

  const refundNow = async (id: string) => (await h.db.select().from(refunds).where(eq(refunds.id, id)))[0]!;
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
  const onSandboxClock = (at: Date | null) => {
    expect(at).not.toBeNull();
    expect(at!.getTime()).toBeGreaterThan(Date.now() + 29 * day);
  };

  it("Checkout.com webhook: provider_decided_at is the event's time; the collection countdown runs from it on the sandbox clock", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const refund = await issue(payment.id, "20.00");
    expect(refund.status).toBe("pending");
    onSandboxClock((await refundNow(refund.id)).providerRequestedAt);
    await h.advance({ seconds: 6 });
    const delivery = (await h.deliveries()).find(
      (d) => d.eventType === "payment_refunded" && d.body.includes(refund.providerRefundId!),
    );
    expect(delivery).toBeDefined();
    const key = sandboxCredentials.checkout.webhookSecret;
    const received = await receiveCheckoutWebhook(
      h.db,
      { rawBody: delivery!.body, signatureHeader: signCheckoutWebhook(delivery!.body, key), headers: {} },
      key,
    );
    expect(received).toMatchObject({ outcome: "applied" });
    const approved = await refundNow(refund.id);
    const event = JSON.parse(delivery!.body) as { created_on: string; data: { processed_on?: string } };
    expect(approved.status).toBe("approved");
    expect(approved.providerDecidedAt).toEqual(new Date(event.data.processed_on ?? event.created_on));
    onSandboxClock(approved.providerDecidedAt);

    const countdown = async () =>
      (await loadPaymentRefunds(h.db, payment.id, await h.deps.providerNow())).find((r) => r.id === refund.id)
        ?.expiresInDays;
    expect(await countdown()).toBe(90);
    await h.advance({ days: 60 });
    expect(await countdown()).toBe(30);
    const monitor = await loadRefundMonitor(h.db, {}, new Date(), await h.deps.providerNow());
    expect(monitor.rows.find((r) => r.id === refund.id)?.expiresInDays).toBe(30);
  });

  it("Checkout.com poll: provider_decided_at is the Refund action's processed_on", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const refund = await issue(payment.id, "30.00");
    await h.advance({ seconds: 6 });
    expect(await syncRefund(h.deps, h.finance, refund.id)).toMatchObject({ status: "approved" });
    const action = (await h.client.getPaymentActions(payment.providerPaymentId!)).find(
      (a) => a.id === refund.providerRefundId,
    );
    expect((await refundNow(refund.id)).providerDecidedAt).toEqual(action!.processedOn);
    onSandboxClock(action!.processedOn);
  });

  it("OCTO: provider_decided_at is OCTO's refund_time, from the refund call's answer and from a later check", async () => {
    const payment = await h.capturedPayment("octo", "150000.00", "UZS");
    const atOnce = await issue(payment.id, "20000.00");
    expect(atOnce.status).toBe("approved");
    const answered = await h.deps.clients.octo.refund({
      shopRefundId: atOnce.idempotencyKey,
      octoPaymentUuid: payment.providerPaymentId!,
      amountMinor: atOnce.amountMinor,
      currency: "UZS",
    });
    expect((await refundNow(atOnce.id)).providerDecidedAt).toEqual(parseOctoTime(answered.refundTime!));
    onSandboxClock(atOnce.providerDecidedAt);

    const later = await issue(payment.id, "20000.77");
    expect(later.status).toBe("pending");
    await h.advance({ seconds: 11 });
    expect(await syncRefund(h.deps, h.finance, later.id)).toMatchObject({ status: "approved" });
    const checked = await h.deps.clients.octo.refund({
      shopRefundId: later.idempotencyKey,
      octoPaymentUuid: payment.providerPaymentId!,
      amountMinor: later.amountMinor,
      currency: "UZS",
    });
    expect((await refundNow(later.id)).providerDecidedAt).toEqual(parseOctoTime(checked.refundTime!));
  });

  it("needs attention: Checkout.com's 24-hour key window counts on the sandbox clock, so moving it a day stops the resend", async () => {
    const payment = await h.capturedPayment("checkout_api", "200.00");
    // The refund call is dropped before Checkout.com processes it: the outcome is unknown.
    await h.fault({ kind: "reset", method: "POST", pathContains: "/refunds" });
    const young = await issue(payment.id, "40.00");
    await h.fault({ kind: "reset", method: "POST", pathContains: "/refunds" });
    const stuck = await issue(payment.id, "50.00");
    expect([young.status, stuck.status]).toEqual(["unknown", "unknown"]);

    // Inside the window the same key is sent again.
    expect(await syncRefund(h.deps, h.finance, young.id)).toMatchObject({ from: "unknown", status: "pending" });
    // A day later on the sandbox clock (seconds later in real time) resending could refund twice: a person must look.
    await h.advance({ days: 1 });
    expect(await syncRefund(h.deps, h.finance, stuck.id)).toMatchObject({ from: "unknown", status: "needs_attention" });
    expect((await refundNow(stuck.id)).attentionReason).toMatch(/too old to resend safely/);
  });
});
