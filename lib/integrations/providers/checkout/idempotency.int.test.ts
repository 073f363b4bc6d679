import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { checkoutSchemaErrors } from "./testing/openapi-schema";
import { capturedPayment, startCheckoutHarness, type CheckoutHarness } from "./testing/harness";

describe(`Checkout.com Cko-Idempotency-Key [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await startCheckoutHarness();
  });
  afterAll(async () => h?.close());

  const paymentBody = (amount = 1_000) =>
    JSON.stringify({
      amount,
      currency: "HKD",
      source: { type: "octopus" },
      success_url: "https://merchant.example/s",
      failure_url: "https://merchant.example/f",
      reference: "ORD-IDEM",
      processing_channel_id: h.config.processingChannelId,
    });
  const post = (path: string, body: string, key: string) =>
    h.api(path, { method: "POST", body, headers: { "cko-idempotency-key": key } });

  it("replays a 2xx with the same status and a byte-identical body, creating nothing new", async () => {
    const key = crypto.randomUUID();
    const first = await post("/payments", paymentBody(), key);
    const second = await post("/payments", paymentBody(), key);
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const [a, b] = [await first.text(), await second.text()];
    expect(b).toBe(a);
    expect(second.headers.get("cko-request-id")).not.toBe(first.headers.get("cko-request-id"));
    const pendingEvents = (await h.deliveries()).filter(
      (d) => d.eventType === "payment_pending" && d.body.includes(JSON.parse(a).id as string),
    );
    expect(pendingEvents).toHaveLength(1);

    const viaClient = await h.client.requestOctopusPayment(
      {
        amountMinor: 1_000n,
        currency: "HKD",
        reference: "ORD-IDEM",
        successUrl: "https://merchant.example/s",
        failureUrl: "https://merchant.example/f",
      },
      key,
    );
    expect(viaClient.paymentId).toBe(JSON.parse(a).id);
  });

  it("stores nothing for a 4xx: the same key is processed again", async () => {
    const key = crypto.randomUUID();
    const bad = await post("/payments", paymentBody(1_005), key);
    expect(bad.status).toBe(422);
    const good = await post("/payments", paymentBody(1_000), key);
    expect(good.status).toBe(202);
  });

  it("answers 409 (Error shape) to duplicates that arrive while the first is still processing", async () => {
    // Six at once usually overlap the first one's processing; on a busy machine they may arrive one
    // after another (all replays), so a few fresh rounds are allowed before a conflict must be seen.
    let conflictsSeen = 0;
    for (let round = 0; round < 5 && conflictsSeen === 0; round += 1) {
      const key = crypto.randomUUID();
      const responses = await Promise.all(Array.from({ length: 6 }, () => post("/payments", paymentBody(), key)));
      const bodies = await Promise.all(responses.map(async (r) => ({ status: r.status, text: await r.text() })));
      const accepted = bodies.filter((b) => b.status === 202);
      const conflicts = bodies.filter((b) => b.status === 409);
      expect(accepted.length + conflicts.length).toBe(6);
      expect(new Set(accepted.map((b) => b.text)).size).toBe(1);
      for (const conflict of conflicts) expect(checkoutSchemaErrors("Error", JSON.parse(conflict.text))).toBeNull();
      // Exactly one payment came out of each round.
      const created = (await h.deliveries()).filter(
        (d) => d.eventType === "payment_pending" && d.body.includes(JSON.parse(accepted[0]!.text).id as string),
      );
      expect(created).toHaveLength(1);
      conflictsSeen += conflicts.length;
    }
    expect(conflictsSeen).toBeGreaterThan(0);
  });

  it("maps a 409 to an 'unknown' outcome in the client", async () => {
    const payment = await capturedPayment(h, 10_000n);
    const key = crypto.randomUUID();
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, () => h.client.refundPayment(payment.paymentId, { amountMinor: 100n }, key)),
    );
    const rejected = results.filter((r) => r.status === "rejected").map((r) => r.reason as unknown);
    const fulfilled = results.filter((r) => r.status === "fulfilled").map((r) => r.value.actionId);
    expect(new Set(fulfilled).size).toBe(1);
    expect(rejected.length).toBeGreaterThan(0);
    for (const error of rejected)
      expect(error).toMatchObject({ code: "conflict", httpStatus: 409, outcome: "unknown" });
    expect((await h.client.getPayment(payment.paymentId)).balances?.availableToRefund).toBe(9_900n);
  });

  it("forgets keys after 24 hours of sandbox time", async () => {
    const payment = await capturedPayment(h, 10_000n);
    const key = crypto.randomUUID();
    const first = await h.client.refundPayment(payment.paymentId, { amountMinor: 1_000n }, key);
    await h.advance({ hours: 23 });
    expect((await h.client.refundPayment(payment.paymentId, { amountMinor: 1_000n }, key)).actionId).toBe(
      first.actionId,
    );
    await h.advance({ hours: 1, seconds: 1 });
    const later = await h.client.refundPayment(payment.paymentId, { amountMinor: 1_000n }, key);
    expect(later.actionId).not.toBe(first.actionId);
    await h.advance({ seconds: 5 });
    expect((await h.client.getPayment(payment.paymentId)).balances?.totalRefunded).toBe(2_000n);
  });

  it("scopes a key to its endpoint: the same key on another payment's refund is a new request", async () => {
    const [one, two] = [await capturedPayment(h, 5_000n), await capturedPayment(h, 5_000n)];
    const key = crypto.randomUUID();
    const a = await h.client.refundPayment(one.paymentId, { amountMinor: 100n }, key);
    const b = await h.client.refundPayment(two.paymentId, { amountMinor: 100n }, key);
    expect(a.actionId).not.toBe(b.actionId);
  });
});
