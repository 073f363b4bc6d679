import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OctoCurrency } from "./amounts";
import { harnessStartTimeoutMs, startOctoHarness, type OctoHarness } from "./test-harness";

let h: OctoHarness;
beforeAll(async () => {
  h = await startOctoHarness();
}, harnessStartTimeoutMs);
afterAll(async () => h?.close());

let counter = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now()}-${++counter}`;

/** A paid one-stage payment, approved on the pay page. */
async function paidPayment(totalMinor: bigint, currency: OctoCurrency) {
  const payment = await h.client.preparePayment({
    shopTransactionId: nextId("order"),
    autoCapture: true,
    totalMinor,
    currency,
    description: "refund test",
  });
  const approved = await fetch(`${payment.payUrl}/approve`, { method: "POST", redirect: "manual" });
  expect(approved.status).toBe(303);
  return payment;
}

const refund = (
  payment: { octoPaymentUuid: string; currency: OctoCurrency },
  amountMinor: bigint,
  shopRefundId = nextId("refund"),
) =>
  h.client.refund({ shopRefundId, octoPaymentUuid: payment.octoPaymentUuid, amountMinor, currency: payment.currency });

const wrongAmount = { code: 22, outcome: "rejected", message: "OCTO refund error 22: Wrong amount to refund." };

describe("OCTO refund rules", () => {
  it("accepts exactly 1 USD and refuses one cent less", async () => {
    const payment = await paidPayment(10_000n, "USD");
    await expect(refund(payment, 99n)).rejects.toMatchObject(wrongAmount);
    const made = await refund(payment, 100n);
    expect(made).toMatchObject({ octoPaymentUuid: payment.octoPaymentUuid, status: "succeeded" });
    expect(made.refundId).toMatch(/^[0-9a-f-]{36}$/);
    expect(made.refundTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
  });

  it("answers a refund in OCTO's documented success envelope", async () => {
    const payment = await paidPayment(10_000n, "USD");
    const answer = await h.rawPost("refund", {
      octo_shop_id: String(h.config.shopId),
      shop_refund_id: nextId("refund"),
      octo_secret: h.config.secret,
      octo_payment_UUID: payment.octoPaymentUuid,
      amount: 10.0,
    });
    expect(answer).toEqual({
      status: 200,
      json: {
        error: 0,
        errMessage: null,
        data: {
          octo_payment_UUID: payment.octoPaymentUuid,
          refund_id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          refund_time: expect.any(String),
          status: "succeeded",
        },
        errorMessage: null,
        apiMessageForDevelopers: expect.stringMatching(/^The ErrorMessage field is outdated\./),
      },
    });
  });

  it("applies the 1 USD minimum as 12,650.00 UZS and 90.00 RUB", async () => {
    const uzs = await paidPayment(5_000_000n, "UZS");
    await expect(refund(uzs, 1_264_999n)).rejects.toMatchObject(wrongAmount);
    expect((await refund(uzs, 1_265_000n)).status).toBe("succeeded");
    const rub = await paidPayment(100_000n, "RUB");
    await expect(refund(rub, 8_999n)).rejects.toMatchObject(wrongAmount);
    expect((await refund(rub, 9_000n)).status).toBe("succeeded");
  });

  it("accepts exactly 10,000,000.00 UZS per refund and refuses one tiyin more", async () => {
    const payment = await paidPayment(2_500_000_000n, "UZS");
    await expect(refund(payment, 1_000_000_001n)).rejects.toMatchObject(wrongAmount);
    expect((await refund(payment, 1_000_000_000n)).status).toBe("succeeded");
    expect((await refund(payment, 1_000_000_000n)).status).toBe("succeeded");
    const status = await h.client.checkPaymentStatus(payment.shopTransactionId, "UZS");
    expect(status.refundedMinor).toBe(2_000_000_000n);
  });

  it("caps a USD refund at the UZS limit's equivalent (790.51 USD)", async () => {
    const payment = await paidPayment(100_000n, "USD");
    await expect(refund(payment, 79_052n)).rejects.toMatchObject(wrongAmount);
    expect((await refund(payment, 79_051n)).status).toBe("succeeded");
  });

  it("keeps single and cumulative refunds within the original amount", async () => {
    const payment = await paidPayment(1_000n * 10n, "USD");
    await expect(refund(payment, 10_001n)).rejects.toMatchObject(wrongAmount);
    await refund(payment, 6_000n);
    await expect(refund(payment, 4_001n)).rejects.toMatchObject(wrongAmount);
    await refund(payment, 4_000n);
    await expect(refund(payment, 100n)).rejects.toMatchObject(wrongAmount);
    const status = await h.client.checkPaymentStatus(payment.shopTransactionId, "USD");
    expect(status).toMatchObject({ status: "succeeded", refundedMinor: 10_000n, totalMinor: 10_000n });
  });

  it("refuses refunds of payments that are not succeeded, or unknown, with error 3", async () => {
    const created = await h.client.preparePayment({
      shopTransactionId: nextId("order"),
      autoCapture: true,
      totalMinor: 10_000n,
      currency: "USD",
      description: "x",
    });
    await expect(refund(created, 1_000n)).rejects.toMatchObject({ code: 3, outcome: "rejected" });
    await expect(
      refund({ octoPaymentUuid: "00000000-0000-4000-8000-000000000000", currency: "USD" }, 1_000n),
    ).rejects.toMatchObject({ code: 3 });
  });

  it("refuses amounts with more decimals than the currency has with error 1", async () => {
    const payment = await paidPayment(10_000n, "USD");
    const answer = await h.rawPost("refund", {
      octo_shop_id: h.config.shopId,
      octo_secret: h.config.secret,
      shop_refund_id: nextId("refund"),
      octo_payment_UUID: payment.octoPaymentUuid,
      amount: 10.005,
    });
    expect(answer.json).toMatchObject({ error: 1, data: null });
  });
});

describe("OCTO refund idempotency and status triggers", () => {
  it("replays a repeated shop_refund_id with error 0 and the original refund, even with another amount", async () => {
    const payment = await paidPayment(10_000n, "USD");
    const shopRefundId = nextId("refund");
    const first = await refund(payment, 2_000n, shopRefundId);
    const replay = await refund(payment, 3_000n, shopRefundId);
    expect(replay).toEqual(first);
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).refundedMinor).toBe(2_000n);
  });

  it("amounts ending in 77 stay pending for 10 s of sandbox time, then succeed", async () => {
    const payment = await paidPayment(10_000n, "USD");
    const shopRefundId = nextId("refund");
    const pending = await refund(payment, 577n, shopRefundId);
    expect(pending.status).toBe("pending");
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).refundedMinor).toBe(577n);
    await h.control("POST", "clock/advance", { seconds: 9 });
    expect((await refund(payment, 577n, shopRefundId)).status).toBe("pending");
    await h.control("POST", "clock/advance", { seconds: 2 });
    const settled = await refund(payment, 577n, shopRefundId);
    expect(settled).toEqual({ ...pending, status: "succeeded" });
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).refundedMinor).toBe(577n);
  });

  it("amounts ending in 99 stay pending, then fail and release the amount", async () => {
    const payment = await paidPayment(10_000n, "USD");
    const shopRefundId = nextId("refund");
    expect((await refund(payment, 10_000n - 1n, shopRefundId)).status).toBe("pending");
    await expect(refund(payment, 100n)).rejects.toMatchObject(wrongAmount);
    await h.control("POST", "clock/advance", { seconds: 11 });
    expect((await refund(payment, 1n, shopRefundId)).status).toBe("failed");
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).refundedMinor).toBe(0n);
    expect((await refund(payment, 10_000n)).status).toBe("succeeded");
  });

  it("lets exactly one of two concurrent refunds through when together they exceed the payment", async () => {
    const payment = await paidPayment(10_000n, "USD");
    const results = await Promise.allSettled([refund(payment, 6_000n), refund(payment, 6_000n)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: wrongAmount });
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).refundedMinor).toBe(6_000n);
  });

  it("makes one refund from concurrent calls with the same shop_refund_id", async () => {
    const payment = await paidPayment(10_000n, "USD");
    const shopRefundId = nextId("refund");
    const [a, b] = await Promise.all([refund(payment, 3_000n, shopRefundId), refund(payment, 3_000n, shopRefundId)]);
    expect(a.refundId).toBe(b.refundId);
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).refundedMinor).toBe(3_000n);
  });
});
