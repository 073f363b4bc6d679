import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/drizzle/schema/auth";
import { paymentEvents } from "@/drizzle/schema/payments";
import { refundApprovalThresholds, refundEvents, refunds } from "@/drizzle/schema/refunds";
import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { approveRefund, rejectRefund } from "@/lib/domain/refunds/decide-refund";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import { startRefundsHarness, type RefundsHarness } from "@/lib/domain/refunds/testing/refunds-harness";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { redactedMarker } from "@/lib/platform/security/redact";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { receiveCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook/receive-checkout-webhook";
import { loadPaymentTimeline } from "./timeline";

const webhookKey = "timeline-refunds-webhook-key";

const refundForm = (paymentId: string, amount: string) =>
  issueRefundInput.parse({
    paymentId,
    kind: "partial",
    amount,
    reason: "customer_request",
    idempotencyKey: crypto.randomUUID(),
  });

describe(`one payment timeline with its refunds [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  const nameOf = async (userId: string | null) =>
    (
      await h.db
        .select({ name: users.name })
        .from(users)
        .where(eq(users.id, userId ?? ""))
    )[0]?.name ?? "";

  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  it("merges each refund's staff actions, our call with its bodies and the provider's webhook into the payment's timeline, in time order", async () => {
    // Above HK$10.00 a second person must approve.
    await h.db.insert(refundApprovalThresholds).values({ currency: "HKD", amountMinor: 1_000n });
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const asked = await issueRefund(h.deps, h.finance, refundForm(payment.id, "50.00"));
    expect(asked.kind).toBe("awaiting_approval");
    const approved = await approveRefund(h.deps, h.secondFinance, asked.refund.id, "Customer called");
    expect(approved.status).toBe("pending");
    const refused = await issueRefund(h.deps, h.finance, refundForm(payment.id, "20.00"));
    await rejectRefund(h.deps, h.secondFinance, refused.refund.id, "Refund already given in store");
    const body = JSON.stringify({
      id: `evt_timeline_refund_${approved.id}`,
      type: "payment_refunded",
      data: {
        id: payment.providerPaymentId,
        action_id: approved.providerRefundId,
        amount: 5_000,
        currency: "HKD",
        response_code: "10000",
        response_summary: "Approved",
      },
    });
    await receiveCheckoutWebhook(
      h.db,
      { rawBody: body, signatureHeader: signCheckoutWebhook(body, webhookKey), headers: {} },
      webhookKey,
    );

    const requester = await nameOf(h.finance.userId);
    const checker = await nameOf(h.secondFinance.userId);
    const { entries } = await loadPaymentTimeline(h.db, payment.id);
    const times = entries.map((e) => e.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));

    const refundTitles = entries.filter((e) => e.refund).map((e) => [e.title, e.refund?.label, e.actor?.name ?? null]);
    expect(refundTitles).toEqual([
      [
        `${requester} asked for the refund of HK$50.00; it waits for a second person's approval.`,
        "Refund of HK$50.00",
        requester,
      ],
      [`${checker} approved the refund of HK$50.00.`, "Refund of HK$50.00", checker],
      ["Checkout.com accepted the refund of HK$50.00 and will decide on it.", "Refund of HK$50.00", null],
      [
        `${requester} asked for the refund of HK$20.00; it waits for a second person's approval.`,
        "Refund of HK$20.00",
        requester,
      ],
      [`${checker} rejected the refund of HK$20.00.`, "Refund of HK$20.00", checker],
      ["Checkout.com sent a webhook about the refund of HK$50.00.", "Refund of HK$50.00", null],
      ["Checkout.com said the refund of HK$50.00 was approved.", "Refund of HK$50.00", null],
    ]);
    const byTitle = (title: string) => entries.find((e) => e.title === title);
    expect(byTitle(`${checker} approved the refund of HK$50.00.`)).toMatchObject({
      source: "staff",
      detail: "Note: Customer called",
      status: { of: "refund", from: "awaiting_approval", to: "requested" },
      refund: { id: approved.id, href: `#refund-${approved.id}` },
    });
    expect(byTitle(`${checker} rejected the refund of HK$20.00.`)?.detail).toBe(
      "Reason: Refund already given in store",
    );
    expect(byTitle("Checkout.com said the refund of HK$50.00 was approved.")?.detail).toBe(
      "The provider says: Approved",
    );

    // Our refund call, with what we sent and what came back.
    const sent = byTitle("Checkout.com accepted the refund of HK$50.00 and will decide on it.");
    expect(sent?.source).toBe("api_call");
    expect(sent?.apiCalls).toHaveLength(1);
    const call = sent!.apiCalls[0]!;
    expect(call).toMatchObject({
      provider: "checkout",
      operation: "refund payment",
      method: "POST",
      path: `/payments/${payment.providerPaymentId}/refunds`,
      failure: null,
    });
    expect(JSON.parse(call.request ?? "")).toEqual({
      amount: 5_000,
      reference: `RF-${approved.id}`,
      metadata: { refund_id: approved.id },
    });
    expect(call.response).toContain(approved.providerRefundId);

    // The payment request's own call is on the payment's "accepted" entry.
    const accepted = byTitle("Checkout.com accepted the payment request.");
    expect(accepted?.apiCalls.map((c) => [c.method, c.path])).toEqual([["POST", "/payments"]]);
    expect(accepted?.detail).not.toContain("api calls");
  });

  it("keeps OCTO's secret out of the stored request body and out of the timeline", async () => {
    const payment = await h.capturedPayment("octo", "200000", "UZS");
    const sent = await issueRefund(h.deps, h.finance, refundForm(payment.id, "150000"));
    expect(sent.kind).toBe("sent");

    const refundIds = (
      await h.db.select({ id: refunds.id }).from(refunds).where(eq(refunds.paymentId, payment.id))
    ).map((r) => r.id);
    const stored = JSON.stringify([
      await h.db
        .select({ detail: refundEvents.detail })
        .from(refundEvents)
        .where(inArray(refundEvents.refundId, refundIds)),
      await h.db
        .select({ detail: paymentEvents.detail })
        .from(paymentEvents)
        .where(eq(paymentEvents.paymentId, payment.id)),
    ]);
    const secret = sandboxCredentials.octo.secret;
    expect(stored).toContain("octo_secret");
    expect(stored).not.toContain(secret);

    const { entries } = await loadPaymentTimeline(h.db, payment.id);
    expect(JSON.stringify(entries)).not.toContain(secret);
    const refundCall = entries.flatMap((e) => e.apiCalls).find((c) => c.path === "/refund");
    expect(refundCall).toMatchObject({ provider: "octo", method: "POST", operation: "refund" });
    expect(JSON.parse(refundCall?.request ?? "")).toMatchObject({
      octo_secret: redactedMarker,
      shop_refund_id: sent.refund.idempotencyKey,
      amount: 150000,
    });
    expect(refundCall?.response).toContain(sent.refund.providerRefundId);
  });
});
