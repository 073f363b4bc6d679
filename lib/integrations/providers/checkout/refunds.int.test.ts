import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { checkoutSchemaErrors } from "./testing/openapi-schema";
import { capturedPayment, startCheckoutHarness, type CheckoutHarness } from "./testing/harness";

interface WebhookEnvelope {
  id: string;
  type: string;
  created_on: string;
  data: {
    id: string;
    action_id?: string;
    amount: number;
    response_code?: string;
    response_summary?: string;
    balances?: Record<string, number>;
  };
}

describe(`Checkout.com Octopus refunds through the client [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await startCheckoutHarness();
  });
  afterAll(async () => h?.close());

  const settle = async () => h.advance({ seconds: 5 });
  // Delivery order is not guaranteed (as at Checkout): order by creation time.
  const eventsFor = (actionId: string) =>
    h.receiver.received
      .map((r) => JSON.parse(r.rawBody) as WebhookEnvelope)
      .filter((e) => e.data.action_id === actionId)
      .sort((a, b) => a.created_on.localeCompare(b.created_on));

  it("accepts a refund with 202 { action_id, reference, _links.payment } matching the schema", async () => {
    const payment = await capturedPayment(h, 10_000n);
    const response = await h.api(`/payments/${payment.paymentId}/refunds`, {
      method: "POST",
      body: JSON.stringify({ amount: 3_000, reference: "RF-1" }),
    });
    expect(response.status).toBe(202);
    const body = (await response.json()) as Record<string, unknown>;
    expect(checkoutSchemaErrors("RefundAcceptedResponse", body)).toBeNull();
    expect(body).toEqual({
      action_id: expect.stringMatching(/^act_[a-z2-7]{26}$/),
      reference: "RF-1",
      _links: { payment: { href: payment.paymentUrl } },
    });
  });

  it.each([
    [3_000n, "payment_refunded", true, "10000", "Approved"],
    [2_010n, "payment_refund_declined", false, "20001", "Refer to card issuer"],
    [2_052n, "payment_refund_declined", false, "20016", "Refund declined and not collected"],
    [2_053n, "payment_refund_declined", false, "20061", "Activity amount limit exceeded"],
    [2_070n, "payment_refunded", true, "10000", "Approved"],
  ] as const)(
    "refund of %s: pending at once, then %s after 5 s (approved %s, %s)",
    async (amount, finalType, approved, code, summary) => {
      const payment = await capturedPayment(h, 10_000n);
      const refund = await h.client.refundPayment(
        payment.paymentId,
        { amountMinor: amount, reference: "RF-T" },
        crypto.randomUUID(),
      );
      await h.tick();
      expect(eventsFor(refund.actionId).map((e) => e.type)).toEqual(["payment_refund_pending"]);
      // Pending refunds reserve the balance and are not listed as actions yet.
      expect((await h.client.getPayment(payment.paymentId)).balances?.availableToRefund).toBe(10_000n - amount);
      expect((await h.client.getPaymentActions(payment.paymentId)).some((a) => a.id === refund.actionId)).toBe(false);

      await settle();
      const events = eventsFor(refund.actionId);
      expect(events.map((e) => e.type)).toEqual(["payment_refund_pending", finalType]);
      expect(events[1]?.data).toMatchObject({
        id: payment.paymentId,
        amount: Number(amount),
        response_code: code,
        response_summary: summary,
      });
      const action = (await h.client.getPaymentActions(payment.paymentId)).find((a) => a.id === refund.actionId);
      expect(action).toMatchObject({
        type: "Refund",
        approved,
        responseCode: code,
        amountMinor: amount,
        reference: "RF-T",
      });
      const after = await h.client.getPayment(payment.paymentId);
      expect(after.balances).toMatchObject(
        approved
          ? { totalRefunded: amount, availableToRefund: 10_000n - amount }
          : { totalRefunded: 0n, availableToRefund: 10_000n },
      );
      expect(after.status).toBe(approved ? "Partially Refunded" : "Captured");
    },
  );

  it("ends in 51: approved, then declined 20019 after 90 days uncollected, and the amount is refundable again", async () => {
    const payment = await capturedPayment(h, 10_000n);
    const refund = await h.client.refundPayment(
      payment.paymentId,
      { amountMinor: 10_051n - 10_000n + 9_900n },
      crypto.randomUUID(),
    );
    expect(refund.actionId).toMatch(/^act_/);
    await settle();
    let action = (await h.client.getPaymentActions(payment.paymentId)).find((a) => a.id === refund.actionId);
    expect(action).toMatchObject({ approved: true, responseCode: "10000", amountMinor: 9_951n });
    expect((await h.client.getPayment(payment.paymentId)).balances).toMatchObject({
      totalRefunded: 9_951n,
      availableToRefund: 49n,
    });

    await h.advance({ days: 89 });
    expect((await h.client.getPayment(payment.paymentId)).balances?.totalRefunded).toBe(9_951n);
    await h.advance({ days: 1, seconds: 1 });
    action = (await h.client.getPaymentActions(payment.paymentId)).find((a) => a.id === refund.actionId);
    expect(action).toMatchObject({ approved: false, responseCode: "20019", responseSummary: "Transaction expired" });
    const after = await h.client.getPayment(payment.paymentId);
    expect(after).toMatchObject({ status: "Captured", balances: { totalRefunded: 0n, availableToRefund: 10_000n } });
    expect(eventsFor(refund.actionId).map((e) => [e.type, e.data.response_code])).toEqual([
      ["payment_refund_pending", undefined],
      ["payment_refunded", "10000"],
      ["payment_refund_declined", "20019"],
    ]);
  });

  it("refunds the whole remaining balance when the amount is omitted, then the payment is Refunded", async () => {
    const payment = await capturedPayment(h, 5_000n);
    await h.client.refundPayment(payment.paymentId, { amountMinor: 1_000n }, crypto.randomUUID());
    const rest = await h.client.refundPayment(payment.paymentId, {}, crypto.randomUUID());
    await settle();
    const action = (await h.client.getPaymentActions(payment.paymentId)).find((a) => a.id === rest.actionId);
    expect(action?.amountMinor).toBe(4_000n);
    const after = await h.client.getPayment(payment.paymentId);
    expect(after).toMatchObject({
      status: "Refunded",
      canRefund: false,
      balances: { totalRefunded: 5_000n, availableToRefund: 0n },
    });
  });
});
