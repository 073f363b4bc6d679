import { createHmac, timingSafeEqual } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { octopusPaymentInput, pressLandingButton, startCheckoutHarness, type CheckoutHarness } from "./testing/harness";
import type { ReceivedWebhook } from "./testing/webhook-receiver";

interface Envelope {
  id: string;
  type: string;
  version: string;
  created_on: string;
  data: Record<string, unknown> & { id: string };
  _links: Record<string, { href: string }>;
}

/** Independent of our signing code: HMAC-SHA256 over the raw body, hex, compared in constant time. */
function signatureIsValid(webhook: ReceivedWebhook): boolean {
  const expected = createHmac("sha256", sandboxCredentials.checkout.webhookSecret).update(webhook.rawBody).digest();
  const given = Buffer.from(webhook.headers["cko-signature"] ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

describe(`Checkout.com webhooks [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await startCheckoutHarness();
  });
  afterAll(async () => h?.close());

  const eventsOf = (paymentId: string) =>
    h.receiver.received.filter((w) => (JSON.parse(w.rawBody) as Envelope).data.id === paymentId);

  it("delivers signed payment_pending, payment_capture_pending and payment_captured to /api/webhooks/checkout", async () => {
    const started = await h.client.requestOctopusPayment(octopusPaymentInput(8_880n), crypto.randomUUID());
    await pressLandingButton(started.landingUrl, "approve");
    await h.tick();
    // Queued in this order; delivered concurrently (order is not guaranteed, as at Checkout).
    const queued = (await h.deliveries()).filter((d) => d.body.includes(started.paymentId));
    expect(queued.map((d) => d.eventType)).toEqual(["payment_pending", "payment_capture_pending", "payment_captured"]);
    const received = eventsOf(started.paymentId);
    expect(received.map((w) => (JSON.parse(w.rawBody) as Envelope).type).sort()).toEqual([
      "payment_capture_pending",
      "payment_captured",
      "payment_pending",
    ]);
    for (const webhook of received) {
      expect(webhook.path).toBe("/api/webhooks/checkout");
      expect(webhook.headers["content-type"]).toContain("application/json");
      expect(signatureIsValid(webhook)).toBe(true);
      const event = JSON.parse(webhook.rawBody) as Envelope;
      expect(event.id).toMatch(/^evt_[a-z2-7]{26}$/);
      expect(event.version).toBe("1.0.29");
      expect(new Date(event.created_on).toISOString()).toBe(event.created_on);
      expect(event._links.payment?.href).toBe(started.paymentUrl);
      expect(event.data).toMatchObject({ id: started.paymentId, amount: 8_880, currency: "HKD" });
    }
    const captured = received.map((w) => JSON.parse(w.rawBody) as Envelope).find((e) => e.type === "payment_captured");
    expect(captured?.data).toMatchObject({
      response_code: "10000",
      balances: { total_captured: 8_880, available_to_refund: 8_880 },
    });
  });

  it("sends refund events with action_id, amount, currency, reference, response code and balances", async () => {
    const started = await h.client.requestOctopusPayment(octopusPaymentInput(10_000n), crypto.randomUUID());
    await pressLandingButton(started.landingUrl, "approve");
    const refund = await h.client.refundPayment(
      started.paymentId,
      { amountMinor: 4_000n, reference: "RF-WH", metadata: { ticket: "T-1" } },
      crypto.randomUUID(),
    );
    await h.advance({ seconds: 5 });
    const refundEvents = eventsOf(started.paymentId).map((w) => JSON.parse(w.rawBody) as Envelope);
    const pending = refundEvents.find((e) => e.type === "payment_refund_pending");
    const refunded = refundEvents.find((e) => e.type === "payment_refunded");
    expect(pending?.data).toMatchObject({
      id: started.paymentId,
      action_id: refund.actionId,
      amount: 4_000,
      currency: "HKD",
      reference: "RF-WH",
    });
    expect(pending?.data.response_code).toBeUndefined();
    expect([pending?.type, refunded?.type]).toEqual(["payment_refund_pending", "payment_refunded"]);
    expect(refunded?.data).toMatchObject({
      action_id: refund.actionId,
      amount: 4_000,
      response_code: "10000",
      response_summary: "Approved",
      metadata: { ticket: "T-1" },
      balances: { total_refunded: 4_000, available_to_refund: 6_000 },
    });
  });

  it("retries a failed delivery after 5 minutes of sandbox time, with the same signed body", async () => {
    h.receiver.failNext(1);
    const started = await h.client.requestOctopusPayment(octopusPaymentInput(1_230n), crypto.randomUUID());
    await h.tick();
    expect(eventsOf(started.paymentId)).toHaveLength(0);
    let delivery = (await h.deliveries()).find((d) => d.body.includes(started.paymentId));
    expect(delivery).toMatchObject({ eventType: "payment_pending", attempts: 1, deliveredAt: null, lastStatus: 500 });

    await h.advance({ minutes: 4 });
    expect(eventsOf(started.paymentId)).toHaveLength(0);
    await h.advance({ minutes: 1, seconds: 1 });
    const [webhook] = eventsOf(started.paymentId);
    expect(webhook && signatureIsValid(webhook)).toBe(true);
    expect(webhook?.rawBody).toBe(delivery?.body);
    delivery = (await h.deliveries()).find((d) => d.body.includes(started.paymentId));
    expect(delivery).toMatchObject({ attempts: 2, lastStatus: 200 });
    expect(delivery?.deliveredAt).not.toBeNull();
  });
});
