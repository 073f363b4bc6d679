import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, webhookReceipts } from "@/drizzle/schema/payments";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { receiveCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook/receive-checkout-webhook";
import { issueRefund } from "./issue-refund";
import { issueRefundInput } from "./refund-input";
import { startRefundsHarness, type RefundsHarness } from "./testing/refunds-harness";
import type { RefundRow } from "./transition-refund";

const key = "refund-webhooks-test-key";
let counter = 0;

function refundEvent(type: string, refund: RefundRow, providerPaymentId: string, data: Record<string, unknown> = {}) {
  counter += 1;
  const body = JSON.stringify({
    id: `evt_refund_${Date.now()}_${counter}`,
    type,
    version: "1.0.29",
    created_on: new Date().toISOString(),
    data: {
      id: providerPaymentId,
      action_id: refund.providerRefundId,
      amount: Number(refund.amountMinor),
      currency: refund.currency,
      metadata: { refund_id: refund.id },
      ...data,
    },
  });
  return {
    rawBody: body,
    signatureHeader: signCheckoutWebhook(body, key),
    headers: { "content-type": "application/json" },
  };
}

const approved = { response_code: "10000", response_summary: "Approved" };
const declined = (code: string, summary: string) => ({ response_code: code, response_summary: summary });

describe(`Checkout.com refund webhooks [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  const refundNow = async (id: string) => (await h.db.select().from(refunds).where(eq(refunds.id, id)))[0];
  const reservedOf = async (paymentId: string) =>
    (await h.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.refundReservedMinor;
  const eventsOf = async (id: string) =>
    (await h.db.select().from(refundEvents).where(eq(refundEvents.refundId, id)).orderBy(refundEvents.id)).map((e) => [
      e.source,
      e.kind,
      e.fromStatus,
      e.toStatus,
    ]);
  const receive = (delivery: ReturnType<typeof refundEvent>) => receiveCheckoutWebhook(h.db, delivery, key);

  async function pendingRefund(amount: string, paymentAmount = "500.00") {
    const payment = await h.capturedPayment("checkout_api", paymentAmount);
    const input = issueRefundInput.parse({
      paymentId: payment.id,
      kind: "partial",
      amount,
      reason: "customer_request",
      idempotencyKey: crypto.randomUUID(),
    });
    const { refund } = await issueRefund(h.deps, h.finance, input);
    expect(refund.status).toBe("pending");
    return { payment, refund, pay: payment.providerPaymentId ?? "" };
  }

  it("pending then approved: applied, raw status and code stored beside ours, polling stops, the receipt names the payment", async () => {
    const { payment, refund, pay } = await pendingRefund("30.00");
    const pendingDelivery = refundEvent("payment_refund_pending", refund, pay);
    expect(await receive(pendingDelivery)).toMatchObject({ httpStatus: 200, outcome: "applied" });
    expect(await receive(refundEvent("payment_refunded", refund, pay, approved))).toMatchObject({ outcome: "applied" });
    expect(await refundNow(refund.id)).toMatchObject({
      status: "approved",
      providerStatus: "payment_refunded",
      providerResponseCode: "10000",
      providerResponseSummary: "Approved",
      nextCheckAt: null,
    });
    expect(await reservedOf(payment.id)).toBe(3_000n);
    expect(await eventsOf(refund.id)).toEqual([
      ["staff", "created", null, "requested"],
      ["api_call", "provider_answer", "requested", "pending"],
      ["provider_webhook", "webhook_confirmed", "pending", "pending"],
      ["provider_webhook", "webhook", "pending", "approved"],
    ]);
    const receipts = await h.db.select().from(webhookReceipts).where(eq(webhookReceipts.paymentId, payment.id));
    expect(receipts.map((r) => [r.eventType, r.outcome])).toEqual([
      ["payment_refund_pending", "applied"],
      ["payment_refunded", "applied"],
    ]);

    // The same delivery again: a duplicate receipt, nothing applied twice.
    expect(await receive(pendingDelivery)).toMatchObject({ outcome: "duplicate" });
    expect(await eventsOf(refund.id)).toHaveLength(4);
    const duplicates = await h.db
      .select()
      .from(webhookReceipts)
      .where(and(eq(webhookReceipts.paymentId, payment.id), eq(webhookReceipts.outcome, "duplicate")));
    expect(duplicates).toHaveLength(1);
  });

  it.each([
    ["20001", "Refer to card issuer", "declined"],
    ["20016", "Refund declined and not collected", "not_collected"],
    ["20061", "Activity amount limit exceeded", "declined"],
  ] as const)("declined with %s (%s) → %s, and its money is released", async (code, summary, status) => {
    const { payment, refund, pay } = await pendingRefund("40.00");
    expect(await receive(refundEvent("payment_refund_declined", refund, pay, declined(code, summary)))).toMatchObject({
      outcome: "applied",
    });
    expect(await refundNow(refund.id)).toMatchObject({
      status,
      providerStatus: "payment_refund_declined",
      providerResponseCode: code,
      providerResponseSummary: summary,
      nextCheckAt: null,
    });
    expect(await reservedOf(payment.id)).toBe(0n);
  });

  it("20019 after approval: expired (not collected within 90 days), the money is refundable again", async () => {
    const { payment, refund, pay } = await pendingRefund("50.00");
    await receive(refundEvent("payment_refunded", refund, pay, approved));
    expect(await reservedOf(payment.id)).toBe(5_000n);
    expect(
      await receive(refundEvent("payment_refund_declined", refund, pay, declined("20019", "Transaction expired"))),
    ).toMatchObject({ outcome: "applied" });
    expect(await refundNow(refund.id)).toMatchObject({ status: "expired", providerResponseCode: "20019" });
    expect(await reservedOf(payment.id)).toBe(0n);
  });

  it("out of order: a late payment_refund_pending after payment_refunded is ignored, never applied", async () => {
    const { refund, pay } = await pendingRefund("60.00");
    expect(await receive(refundEvent("payment_refunded", refund, pay, approved))).toMatchObject({ outcome: "applied" });
    expect(await receive(refundEvent("payment_refund_pending", refund, pay))).toMatchObject({
      outcome: "ignored_out_of_order",
      detail: "refund is already approved",
    });
    expect(await refundNow(refund.id)).toMatchObject({ status: "approved", providerStatus: "payment_refunded" });
    expect((await eventsOf(refund.id)).at(-1)).toEqual([
      "provider_webhook",
      "ignored_transition",
      "approved",
      "pending",
    ]);
  });

  it("the refund call's answer was lost: found by the refund id we sent in metadata, and its action id is stored", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    await h.fault({ kind: "lost_response", method: "POST", pathContains: "/refunds" });
    const input = issueRefundInput.parse({
      paymentId: payment.id,
      kind: "partial",
      amount: "20.00",
      reason: "duplicate",
      idempotencyKey: crypto.randomUUID(),
    });
    const { refund } = await issueRefund(h.deps, h.finance, input);
    expect(refund).toMatchObject({ status: "unknown", providerRefundId: null });
    const actionId = `act_${"l".repeat(26)}`;
    expect(
      await receive(
        refundEvent("payment_refund_pending", refund, payment.providerPaymentId ?? "", { action_id: actionId }),
      ),
    ).toMatchObject({ outcome: "applied" });
    expect(await refundNow(refund.id)).toMatchObject({
      status: "pending",
      providerRefundId: actionId,
      providerStatus: "payment_refund_pending",
    });
  });

  it("a refund of a payment made outside the dashboard is recorded as ignored, linked to the payment when we know it", async () => {
    const { payment, refund, pay } = await pendingRefund("20.00");
    const stranger = { ...refund, id: crypto.randomUUID(), providerRefundId: `act_${"x".repeat(26)}` };
    const result = await receive(refundEvent("payment_refunded", stranger, pay, approved));
    expect(result).toMatchObject({
      outcome: "ignored",
      detail: `refund act_${"x".repeat(26)} of ${pay} was not issued from this dashboard; nothing changed`,
    });
    expect(await refundNow(refund.id)).toMatchObject({ status: "pending" });
    const [receipt] = await h.db
      .select()
      .from(webhookReceipts)
      .where(and(eq(webhookReceipts.paymentId, payment.id), eq(webhookReceipts.eventType, "payment_refunded")));
    expect(receipt).toMatchObject({ outcome: "ignored" });
  });
});
