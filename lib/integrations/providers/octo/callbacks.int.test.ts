import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { harnessStartTimeoutMs, startCallbackReceiver, startOctoHarness, type OctoHarness } from "./test-harness";

let h: OctoHarness;
let receiver: Awaited<ReturnType<typeof startCallbackReceiver>>;
beforeAll(async () => {
  h = await startOctoHarness();
  receiver = await startCallbackReceiver();
}, harnessStartTimeoutMs);
afterAll(async () => {
  await receiver?.close();
  await h?.close();
});

/** The documented default recipe, computed here independently of the code under test. */
const expectedSignature = (uuid: string, status: string) =>
  createHash("sha1").update(`${sandboxCredentials.octo.notifyKey}${uuid}${status}`, "utf8").digest("hex").toUpperCase();

interface Delivery {
  eventType: string;
  attempts: number;
  lastStatus: number | null;
  deliveredAt: string | null;
}

describe("OCTO notify callbacks", () => {
  it("posts a signed callback on approval and on each refund status change, retrying after a failure", async () => {
    const payment = await h.client.preparePayment({
      shopTransactionId: "cb-order-1",
      autoCapture: true,
      totalMinor: 2_000n,
      currency: "USD",
      description: "callbacks",
      notifyUrl: receiver.url,
    });
    receiver.replyWith.push(500);
    await fetch(`${payment.payUrl}/approve`, { method: "POST", redirect: "manual" });
    await h.control("POST", "tick");
    expect(receiver.received).toHaveLength(1);
    let deliveries = (await h.control("GET", "webhooks?provider=octo")) as Delivery[];
    expect(deliveries[0]).toMatchObject({
      eventType: "payment.succeeded",
      attempts: 1,
      lastStatus: 500,
      deliveredAt: null,
    });

    await h.control("POST", "clock/advance", { seconds: 61 });
    expect(receiver.received).toHaveLength(2);
    deliveries = (await h.control("GET", "webhooks?provider=octo")) as Delivery[];
    expect(deliveries[0]).toMatchObject({ attempts: 2, lastStatus: 200 });

    const callback = receiver.received[1];
    expect(callback?.headers["content-type"]).toBe("application/json");
    const body = callback?.body ?? {};
    expect(body).toMatchObject({
      shop_transaction_id: "cb-order-1",
      octo_payment_UUID: payment.octoPaymentUuid,
      status: "succeeded",
      signature: expectedSignature(payment.octoPaymentUuid, "succeeded"),
      total_sum: 20,
      transfer_sum: 20,
      refunded_sum: 0,
      currency: "USD",
      card_country: "UZ",
      riskLevel: 0,
      is_physical_card: true,
    });
    expect(body.hash_key).toMatch(/^[0-9a-f-]{36}$/);
    expect(receiver.received[0]?.bodyText).toBe(callback?.bodyText);
    expect(body.payed_time).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(callback?.bodyText).toContain('"total_sum":20.00');
    for (const key of ["maskedPan", "rrn", "card_type", "card_vendor"]) expect(typeof body[key]).toBe("string");

    await h.client.refund({
      shopRefundId: "cb-refund-1",
      octoPaymentUuid: payment.octoPaymentUuid,
      amountMinor: 177n,
      currency: "USD",
    });
    await h.control("POST", "tick");
    expect(receiver.received[2]?.body).toMatchObject({
      status: "succeeded",
      refunded_sum: 1.77,
      signature: expectedSignature(payment.octoPaymentUuid, "succeeded"),
    });
    expect(receiver.received[2]?.body.hash_key).not.toBe(body.hash_key);
    await h.control("POST", "clock/advance", { seconds: 11 });
    expect(receiver.received[3]?.body).toMatchObject({ status: "succeeded", refunded_sum: 1.77 });
    deliveries = (await h.control("GET", "webhooks?provider=octo")) as Delivery[];
    expect(deliveries.map((d) => d.eventType)).toEqual(["payment.succeeded", "refund.pending", "refund.succeeded"]);
  });

  it("sends waiting_for_capture for a hold, then the shop's decision", async () => {
    const payment = await h.client.preparePayment({
      shopTransactionId: "cb-order-2",
      autoCapture: false,
      totalMinor: 500_000n,
      currency: "UZS",
      description: "hold",
      notifyUrl: receiver.url,
    });
    const before = receiver.received.length;
    await fetch(`${payment.payUrl}/approve`, { method: "POST", redirect: "manual" });
    await h.client.setAccept({ octoPaymentUuid: payment.octoPaymentUuid, acceptStatus: "cancel", currency: "UZS" });
    await h.control("POST", "tick");
    const statuses = receiver.received.slice(before).map((r) => [r.body.status, r.body.signature]);
    expect(statuses).toEqual([
      ["waiting_for_capture", expectedSignature(payment.octoPaymentUuid, "waiting_for_capture")],
      ["canceled", expectedSignature(payment.octoPaymentUuid, "canceled")],
    ]);
  });

  it("sends nothing when the payment has no notify_url", async () => {
    const payment = await h.client.preparePayment({
      shopTransactionId: "cb-order-3",
      autoCapture: true,
      totalMinor: 2_000n,
      currency: "USD",
      description: "quiet",
    });
    const before = ((await h.control("GET", "webhooks?provider=octo")) as Delivery[]).length;
    await fetch(`${payment.payUrl}/decline`, { method: "POST", redirect: "manual" });
    expect(((await h.control("GET", "webhooks?provider=octo")) as Delivery[]).length).toBe(before);
  });
});
