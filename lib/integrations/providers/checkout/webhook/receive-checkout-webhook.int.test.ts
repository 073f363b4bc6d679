import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { paymentEvents, payments, webhookReceipts } from "@/drizzle/schema";
import { signCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook-signature";
import { databaseErrorOf } from "@/lib/tooling/testing/db-errors";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { receiveCheckoutWebhook } from "./receive-checkout-webhook";

const key = "test-signing-key";
let counter = 0;
const payId = () => `pay_${(++counter).toString().padStart(4, "0")}${"a".repeat(22)}`;
const eventId = () => `evt_${Date.now()}_${++counter}`;

function event(type: string, paymentId: string, overrides: Record<string, unknown> = {}) {
  return JSON.stringify({
    id: eventId(),
    type,
    version: "1.0.29",
    created_on: new Date().toISOString(),
    data: { id: paymentId, amount: 12300, currency: "HKD", reference: "ORD-1", ...overrides },
  });
}

const signed = (body: string) => ({
  rawBody: body,
  signatureHeader: signCheckoutWebhook(body, key),
  headers: { "content-type": "application/json" },
});

describe(`Checkout.com webhook receiver [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  const paymentOf = async (providerPaymentId: string) =>
    (await t.db.select().from(payments).where(eq(payments.providerPaymentId, providerPaymentId)))[0];
  const receiptsOf = async (id: string | null) =>
    t.db
      .select()
      .from(webhookReceipts)
      .where(id === null ? undefined : eq(webhookReceipts.eventId, id));

  it("creates a payment made elsewhere and moves it forward", async () => {
    const id = payId();
    expect(await receiveCheckoutWebhook(t.db, signed(event("payment_pending", id)), key)).toMatchObject({
      httpStatus: 200,
      outcome: "applied",
    });
    expect(await paymentOf(id)).toMatchObject({
      status: "pending",
      flow: "external",
      amountMinor: 12300n,
      currency: "HKD",
      reference: "ORD-1",
    });
    expect(await receiveCheckoutWebhook(t.db, signed(event("payment_captured", id)), key)).toMatchObject({
      outcome: "applied",
    });
    const captured = await paymentOf(id);
    expect(captured).toMatchObject({ status: "captured", capturedMinor: 12300n, providerStatus: "payment_captured" });
    const timeline = await t.db
      .select()
      .from(paymentEvents)
      .where(eq(paymentEvents.paymentId, captured!.id))
      .orderBy(paymentEvents.id);
    expect(timeline.map((e) => [e.kind, e.fromStatus, e.toStatus, e.source])).toEqual([
      ["created_from_provider", null, "pending", "provider_webhook"],
      ["status_changed", "pending", "captured", "provider_webhook"],
    ]);
  });

  it("rejects missing, wrong and tampered signatures before touching any payment", async () => {
    const id = payId();
    const body = event("payment_captured", id);
    expect(
      await receiveCheckoutWebhook(t.db, { rawBody: body, signatureHeader: null, headers: {} }, key),
    ).toMatchObject({ httpStatus: 401, detail: "signature missing" });
    expect(
      await receiveCheckoutWebhook(
        t.db,
        { ...signed(body), signatureHeader: signCheckoutWebhook(body, "another-key") },
        key,
      ),
    ).toMatchObject({
      httpStatus: 401,
      detail: "signature invalid",
    });
    const tampered = { ...signed(body), rawBody: body.replace("12300", "99900") };
    expect(await receiveCheckoutWebhook(t.db, tampered, key)).toMatchObject({ httpStatus: 401, outcome: "rejected" });
    expect(await paymentOf(id)).toBeUndefined();
    const rejected = (await receiptsOf(null)).filter((r) => r.outcome === "rejected");
    expect(rejected.map((r) => r.signature)).toEqual(expect.arrayContaining(["missing", "invalid"]));
  });

  it("refuses a validly signed body that is not a payment event, and changes nothing", async () => {
    expect(await receiveCheckoutWebhook(t.db, signed("{not json"), key)).toMatchObject({
      httpStatus: 400,
      detail: "body is not JSON",
    });
    const bad = await receiveCheckoutWebhook(
      t.db,
      signed(JSON.stringify({ id: "evt_x", type: "payment_captured", data: { id: "nope" } })),
      key,
    );
    expect(bad).toMatchObject({ httpStatus: 400, outcome: "rejected" });
    expect(bad.detail).toContain("data.id must be a pay_ id");
  });

  it("applies an event once however often it is delivered", async () => {
    const id = payId();
    const body = event("payment_pending", id);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => receiveCheckoutWebhook(t.db, signed(body), key)));
    expect(results.filter((r) => r.outcome === "applied")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "duplicate")).toHaveLength(4);
    const payment = await paymentOf(id);
    expect(await t.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, payment!.id))).toHaveLength(1);
    const receipts = await receiptsOf(JSON.parse(body).id);
    expect(receipts).toHaveLength(5);
    // Every delivery belongs to the payment's timeline, duplicates included.
    expect(receipts.map((r) => r.paymentId)).toEqual(Array(5).fill(payment!.id));
  });

  it("ignores an event that arrives after a later one, without moving the payment back", async () => {
    const id = payId();
    await receiveCheckoutWebhook(t.db, signed(event("payment_captured", id)), key);
    const late = await receiveCheckoutWebhook(t.db, signed(event("payment_pending", id)), key);
    expect(late).toMatchObject({
      httpStatus: 200,
      outcome: "ignored_out_of_order",
      detail: "payment is already captured",
    });
    expect((await paymentOf(id))?.status).toBe("captured");
    const lateDeclined = await receiveCheckoutWebhook(t.db, signed(event("payment_declined", id)), key);
    expect(lateDeclined.outcome).toBe("ignored_out_of_order");
  });

  it("creates one payment when two of its events race in", async () => {
    const id = payId();
    const results = await Promise.all([
      receiveCheckoutWebhook(t.db, signed(event("payment_pending", id)), key),
      receiveCheckoutWebhook(t.db, signed(event("payment_captured", id)), key),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(expect.arrayContaining(["applied"]));
    expect(await t.db.select().from(payments).where(eq(payments.providerPaymentId, id))).toHaveLength(1);
    expect((await paymentOf(id))?.status).toBe("captured");
  });

  it("records a refund not issued from the dashboard as ignored, saying so, and changes no payment", async () => {
    const id = payId();
    const result = await receiveCheckoutWebhook(
      t.db,
      signed(event("payment_refund_pending", id, { action_id: "act_elsewhere" })),
      key,
    );
    expect(result).toMatchObject({
      httpStatus: 200,
      outcome: "ignored",
      detail: `refund act_elsewhere of ${id} was not issued from this dashboard; nothing changed`,
    });
    expect(await paymentOf(id)).toBeUndefined();
  });

  it("keeps receipts and the timeline append-only", async () => {
    expect(await databaseErrorOf(t.db.update(webhookReceipts).set({ outcome: "applied" }))).toMatch(/append-only/);
    expect(await databaseErrorOf(t.db.delete(paymentEvents))).toMatch(/append-only/);
  });
});
