import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema";
import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { receiveCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook/receive-checkout-webhook";
import { recordReceipt } from "@/lib/domain/webhooks/receipts";
import { loadPaymentTimeline } from "./timeline";
import { describeEventDetail } from "./timeline-detail";

const key = "timeline-test-key";
let counter = 0;
const payId = () => `pay_${(++counter).toString().padStart(4, "0")}${"t".repeat(22)}`;
const t0 = new Date("2025-03-01T10:00:00.000Z");
const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);

function delivery(type: string, providerPaymentId: string) {
  const rawBody = JSON.stringify({
    id: `evt_timeline_${++counter}`,
    type,
    data: { id: providerPaymentId, amount: 4200, currency: "HKD", reference: "TIMELINE-REF" },
  });
  return {
    rawBody,
    signatureHeader: signCheckoutWebhook(rawBody, key),
    headers: { "content-type": "application/json" },
  };
}

describe(`payment timeline [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  async function newPayment(): Promise<string> {
    const [row] = await t.db
      .insert(payments)
      .values({
        provider: "checkout",
        flow: "checkout_api",
        status: "requested",
        reference: `REF-${++counter}`,
        amountMinor: 1000n,
        currency: "HKD",
      })
      .returning({ id: payments.id });
    return row!.id;
  }

  it("merges webhook deliveries and timeline events in time order, the delivery before the event it caused", async () => {
    const id = payId();
    await receiveCheckoutWebhook(t.db, delivery("payment_pending", id), key, at(0));
    await receiveCheckoutWebhook(t.db, delivery("payment_captured", id), key, at(5));
    await receiveCheckoutWebhook(t.db, delivery("payment_pending", id), key, at(9));
    const [payment] = await t.db.select({ id: payments.id }).from(payments).where(eq(payments.providerPaymentId, id));

    const { entries, truncated } = await loadPaymentTimeline(t.db, payment!.id);
    expect(truncated).toBe(false);
    expect(
      entries.map((e) => [
        e.at.toISOString(),
        e.source,
        e.title,
        e.status?.from ?? null,
        e.status?.to ?? null,
        e.webhook?.outcome ?? null,
      ]),
    ).toEqual([
      [
        at(0).toISOString(),
        "provider_webhook",
        "Checkout.com sent a webhook about this payment.",
        null,
        null,
        "applied",
      ],
      [
        at(0).toISOString(),
        "provider_webhook",
        "Checkout.com told us about this payment; it was pending.",
        null,
        "pending",
        null,
      ],
      [
        at(5).toISOString(),
        "provider_webhook",
        "Checkout.com sent a webhook about this payment.",
        null,
        null,
        "applied",
      ],
      [
        at(5).toISOString(),
        "provider_webhook",
        "Checkout.com said the payment was captured.",
        "pending",
        "captured",
        null,
      ],
      [
        at(9).toISOString(),
        "provider_webhook",
        "Checkout.com sent a webhook about this payment.",
        null,
        null,
        "ignored_out_of_order",
      ],
      [
        at(9).toISOString(),
        "provider_webhook",
        "Checkout.com said the payment was pending, but it is already captured; that older news was ignored.",
        "captured",
        "pending",
        null,
      ],
    ]);
    const captured = entries[2]!;
    expect(captured.webhook).toMatchObject({ eventType: "payment_captured", signature: "valid" });
    expect(captured.rawPayload).toContain('"reference": "TIMELINE-REF"');
    expect(captured.detail).toContain("Event payment_captured");
    expect(entries[4]!.detail).toContain("payment is already captured");
    // The event rows carry the webhook's event id/type as scalars: a one-line detail, no payload.
    expect(entries[1]).toMatchObject({
      detail: expect.stringContaining("Event payment_pending"),
      rawPayload: null,
      actor: null,
    });
  });

  it("names the staff member on staff events and keeps other payments out", async () => {
    const paymentId = await newPayment();
    const other = await newPayment();
    const staff = await makeUser(t.db, "finance");
    await t.db.insert(paymentEvents).values([
      { paymentId, at: at(1), source: "staff", kind: "requested", actorUserId: staff.id, toStatus: "requested" },
      {
        paymentId,
        at: at(2),
        source: "api_call",
        kind: "api_call",
        detail: { request: "POST /payments", response: { status: 201, id: "pay_x" } },
      },
      { paymentId: other, at: at(1), source: "staff", kind: "requested", actorUserId: staff.id, toStatus: "requested" },
    ]);
    await recordReceipt(t.db, {
      provider: "checkout",
      eventId: "evt_other",
      eventType: "payment_pending",
      signature: "valid",
      outcome: "applied",
      isFirst: true,
      paymentId: other,
      rawBody: "{}",
      headers: {},
      receivedAt: at(1),
    });

    const { entries } = await loadPaymentTimeline(t.db, paymentId);
    expect(entries).toHaveLength(2);
    expect(entries[0]).toMatchObject({
      source: "staff",
      title: `${staff.name} requested this payment.`,
      actor: { email: staff.email, name: staff.name },
      status: { of: "payment", to: "requested" },
    });
    expect(entries[1]).toMatchObject({
      source: "api_call",
      title: "We called Checkout.com.",
      actor: null,
      detail: "request: POST /payments.",
    });
    expect(JSON.parse(entries[1]!.rawPayload!)).toEqual({
      request: "POST /payments",
      response: { status: 201, id: "pay_x" },
    });
  });

  it("orders entries with equal timestamps the same way every time: deliveries first, then by insertion", async () => {
    const paymentId = await newPayment();
    const same = at(30);
    const receipt = (eventId: string) =>
      recordReceipt(t.db, {
        provider: "checkout",
        eventId,
        eventType: "x",
        signature: "valid",
        outcome: "ignored",
        isFirst: true,
        paymentId,
        rawBody: "{}",
        headers: {},
        receivedAt: same,
      });
    await t.db.insert(paymentEvents).values({ paymentId, at: same, source: "system", kind: "first_event" });
    await receipt("evt_same_1");
    await t.db.insert(paymentEvents).values({ paymentId, at: same, source: "system", kind: "second_event" });
    await receipt("evt_same_2");

    const expected = [
      "Checkout.com sent a webhook about this payment.",
      "Checkout.com sent a webhook about this payment.",
      "First event.",
      "Second event.",
    ];
    for (let i = 0; i < 3; i += 1) {
      const { entries } = await loadPaymentTimeline(t.db, paymentId);
      expect(entries.map((e) => e.title)).toEqual(expected);
      expect(entries.slice(0, 2).map((e) => e.detail)).toEqual(["Event x · evt_same_1", "Event x · evt_same_2"]);
    }
  });

  it("is bounded: the most recent entries, oldest first, flagged when older ones were left out", async () => {
    const paymentId = await newPayment();
    await t.db
      .insert(paymentEvents)
      .values([0, 2, 4].map((s) => ({ paymentId, at: at(s), source: "system" as const, kind: `event_${s}` })));
    for (const s of [1, 3]) {
      await recordReceipt(t.db, {
        provider: "checkout",
        eventId: `evt_bound_${s}`,
        eventType: `delivery_${s}`,
        signature: "valid",
        outcome: "ignored",
        isFirst: true,
        paymentId,
        rawBody: "{}",
        headers: {},
        receivedAt: at(s),
      });
    }
    const bounded = await loadPaymentTimeline(t.db, paymentId, 3);
    expect(bounded.truncated).toBe(true);
    expect(bounded.entries.map((e) => e.title)).toEqual([
      "Event 2.",
      "Checkout.com sent a webhook about this payment.",
      "Event 4.",
    ]);
    const exact = await loadPaymentTimeline(t.db, paymentId, 5);
    expect(exact.truncated).toBe(false);
    expect(exact.entries).toHaveLength(5);
    expect(exact.entries[0]!.title).toBe("Event 0.");
  });

  it("returns an empty timeline for a payment with no history", async () => {
    expect(await loadPaymentTimeline(t.db, await newPayment())).toEqual({ entries: [], truncated: false, limit: 200 });
  });
});

describe("timeline wording", () => {
  it("says known details as short sentences, others as their words, and offers nested ones as a payload", () => {
    expect(describeEventDetail(null)).toEqual({ detail: null, rawPayload: null });
    expect(
      describeEventDetail({ flow: "checkout_api", amountMinor: "10000", currency: "HKD", reference: "R-1" }),
    ).toEqual({ detail: "Amount HK$100.00. Reference R-1.", rawPayload: null });
    expect(describeEventDetail({ eventId: "evt_1", eventType: "payment_captured", attempt: 2 })).toEqual({
      detail: "Event payment_captured (evt_1). attempt: 2.",
      rawPayload: null,
    });
    expect(describeEventDetail({ inStep: false, shopRefundId: "r1", note: null })).toEqual({
      detail: "Our record differed from the provider's. shop refund id: r1. note: none.",
      rawPayload: null,
    });
    expect(describeEventDetail({ body: { a: 1 }, apiCalls: [] })).toEqual({
      detail: null,
      rawPayload: '{\n  "body": {\n    "a": 1\n  }\n}',
    });
  });
});
