import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOctoClient } from "./client";
import { OctoError } from "./errors";
import { harnessStartTimeoutMs, startOctoHarness, type OctoHarness } from "./test-harness";
import type { PrepareOctoPaymentInput } from "./types";

const apiMessage =
  "The ErrorMessage field is outdated. Please switch to errMessage for unification of the responses. Also, please know that in the future, all fields except error and errMessage will be passed to data. For more information, please contact the technical support of the service.";

let h: OctoHarness;
beforeAll(async () => {
  h = await startOctoHarness();
}, harnessStartTimeoutMs);
afterAll(async () => h?.close());

let counter = 0;
const order = (overrides: Partial<PrepareOctoPaymentInput> = {}): PrepareOctoPaymentInput => ({
  shopTransactionId: `order-${Date.now()}-${++counter}`,
  autoCapture: true,
  test: true,
  totalMinor: 15_000_000n,
  currency: "UZS",
  description: "Order #123",
  returnUrl: "https://merchant.example/return",
  ...overrides,
});

async function payOnPage(payUrl: string, decision: "approve" | "decline") {
  return fetch(`${payUrl}/${decision}`, { method: "POST", redirect: "manual" });
}

describe("OCTO prepare_payment", () => {
  it("creates a payment with a v4 uuid, the pay URL and the amount as OCTO decimals", async () => {
    const input = order();
    const payment = await h.client.preparePayment(input);
    expect(payment.octoPaymentUuid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(payment).toMatchObject({
      shopTransactionId: input.shopTransactionId,
      status: "created",
      totalMinor: 15_000_000n,
      refundedMinor: 0n,
    });
    expect(payment.payUrl).toBe(`${h.config.baseUrl}/pay/${payment.octoPaymentUuid}`);

    const raw = await fetch(`${h.config.baseUrl}/prepare_payment`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        octo_shop_id: h.config.shopId,
        octo_secret: h.config.secret,
        shop_transaction_id: input.shopTransactionId,
      }),
    });
    expect(raw.status).toBe(200);
    expect(await raw.text()).toContain('"refunded_sum":0.00,"total_sum":150000.00');
  });

  it("answers a second call with the same shop_transaction_id with the first payment, whatever the other fields say", async () => {
    const input = order();
    const first = await h.client.preparePayment(input);
    const again = await h.client.preparePayment({ ...input, totalMinor: 99_900n, currency: "USD", autoCapture: false });
    expect(again.octoPaymentUuid).toBe(first.octoPaymentUuid);
    expect(again.totalMinor).toBe(15_000_000n);
    const status = await h.client.checkPaymentStatus(input.shopTransactionId, "UZS");
    expect(status).toMatchObject({
      octoPaymentUuid: first.octoPaymentUuid,
      status: "created",
      totalMinor: 15_000_000n,
    });
  });

  it("rejects a status check for an unknown shop_transaction_id with error 3", async () => {
    await expect(h.client.checkPaymentStatus("never-created", "UZS")).rejects.toMatchObject({
      code: 3,
      outcome: "rejected",
    });
  });

  it("answers a wrong secret with error 2 in OCTO's exact envelope, for an unknown shop id too", async () => {
    const expected = {
      error: 2,
      errMessage: "Wrong secret",
      data: null,
      errorMessage: "Wrong secret",
      apiMessageForDevelopers: apiMessage,
    };
    const wrongSecret = await h.rawPost("prepare_payment", {
      octo_shop_id: h.config.shopId,
      octo_secret: "nope",
      shop_transaction_id: "x",
    });
    expect(wrongSecret).toEqual({ status: 200, json: expected });
    const wrongShop = await h.rawPost("refund", {
      octo_shop_id: 1,
      octo_secret: h.config.secret,
      shop_refund_id: "r",
      octo_payment_UUID: "u",
      amount: 1,
    });
    expect(wrongShop).toEqual({ status: 200, json: expected });
    const error = await createOctoClient({ ...h.config, secret: "not-the-secret" })
      .preparePayment(order())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OctoError);
    expect(error).toMatchObject({
      code: 2,
      outcome: "rejected",
      message: "OCTO prepare_payment error 2: Wrong secret",
    });
  });

  it("answers malformed bodies and missing or over-precise fields with error 1", async () => {
    const auth = { octo_shop_id: h.config.shopId, octo_secret: h.config.secret };
    const notJson = await fetch(`${h.config.baseUrl}/prepare_payment`, { method: "POST", body: "{oops" });
    expect(notJson.status).toBe(200);
    expect(await notJson.json()).toMatchObject({ error: 1, data: null });
    const missing = await h.rawPost("prepare_payment", { ...auth, shop_transaction_id: "m-1", total_sum: 100 });
    expect(missing.json).toMatchObject({ error: 1, data: null, errMessage: expect.stringContaining("init_time") });
    const precise = await h.rawPost("prepare_payment", {
      ...auth,
      shop_transaction_id: "m-2",
      init_time: "2025-05-28 12:00:00",
      total_sum: 100.005,
      currency: "UZS",
      description: "x",
    });
    expect(precise.json).toMatchObject({ error: 1 });
    const euro = await h.rawPost("prepare_payment", {
      ...auth,
      shop_transaction_id: "m-3",
      init_time: "2025-05-28 12:00:00",
      total_sum: 1,
      currency: "EUR",
      description: "x",
    });
    expect(euro.json).toMatchObject({ error: 1 });
  });
});

describe("OCTO pay page", () => {
  it("shows the amount and an escaped description, and approve makes a one-stage payment succeed with a 303", async () => {
    const payment = await h.client.preparePayment(order({ description: `<script>alert("x")</script> & co` }));
    const page = await fetch(payment.payUrl ?? "");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("150000.00 UZS");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; co");
    expect(html).not.toContain("<script>");
    expect(html).toContain(`action="${payment.payUrl}/approve"`);

    const approved = await payOnPage(payment.payUrl ?? "", "approve");
    expect(approved.status).toBe(303);
    expect(approved.headers.get("location")).toBe("https://merchant.example/return");
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "UZS")).status).toBe("succeeded");
    expect((await payOnPage(payment.payUrl ?? "", "decline")).status).toBe(409);
  });

  it("decline cancels the payment", async () => {
    const payment = await h.client.preparePayment(order());
    const declined = await payOnPage(payment.payUrl ?? "", "decline");
    expect(declined.status).toBe(303);
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "UZS")).status).toBe("canceled");
  });

  it("answers 404 for an unknown payment", async () => {
    expect((await fetch(`${h.config.baseUrl}/pay/00000000-0000-4000-8000-000000000000`)).status).toBe(404);
  });
});

describe("OCTO two-stage payments and set_accept", () => {
  async function heldPayment(totalMinor = 100_000n) {
    const payment = await h.client.preparePayment(order({ autoCapture: false, totalMinor, currency: "USD" }));
    await payOnPage(payment.payUrl ?? "", "approve");
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).status).toBe("waiting_for_capture");
    return payment;
  }

  it("captures less than the hold: total_sum becomes final_amount", async () => {
    const payment = await heldPayment(100_000n);
    const result = await h.client.setAccept({
      octoPaymentUuid: payment.octoPaymentUuid,
      acceptStatus: "capture",
      finalAmountMinor: 70_000n,
      currency: "USD",
    });
    expect(result).toMatchObject({
      status: "succeeded",
      totalMinor: 70_000n,
      transferMinor: 70_000n,
      refundedMinor: 0n,
    });
    expect(result.payedTime).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).totalMinor).toBe(70_000n);
  });

  it("captures the whole hold without final_amount, and refuses a second decision with error 3", async () => {
    const payment = await heldPayment(100_000n);
    const result = await h.client.setAccept({
      octoPaymentUuid: payment.octoPaymentUuid,
      acceptStatus: "capture",
      currency: "USD",
    });
    expect(result).toMatchObject({ status: "succeeded", totalMinor: 100_000n });
    await expect(
      h.client.setAccept({ octoPaymentUuid: payment.octoPaymentUuid, acceptStatus: "cancel", currency: "USD" }),
    ).rejects.toMatchObject({ code: 3 });
  });

  it("refuses a final_amount above the hold with error 4 and keeps the hold", async () => {
    const payment = await heldPayment(100_000n);
    await expect(
      h.client.setAccept({
        octoPaymentUuid: payment.octoPaymentUuid,
        acceptStatus: "capture",
        finalAmountMinor: 100_001n,
        currency: "USD",
      }),
    ).rejects.toMatchObject({ code: 4, outcome: "rejected" });
    const canceled = await h.client.setAccept({
      octoPaymentUuid: payment.octoPaymentUuid,
      acceptStatus: "cancel",
      currency: "USD",
    });
    expect(canceled.status).toBe("canceled");
  });

  it("refuses set_accept on a one-stage payment still created", async () => {
    const payment = await h.client.preparePayment(order());
    await expect(
      h.client.setAccept({ octoPaymentUuid: payment.octoPaymentUuid, acceptStatus: "capture", currency: "UZS" }),
    ).rejects.toMatchObject({ code: 3 });
  });

  it("cancels an undecided hold after 30 minutes of sandbox time", async () => {
    const payment = await heldPayment();
    await h.control("POST", "clock/advance", { minutes: 29 });
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).status).toBe("waiting_for_capture");
    await h.control("POST", "clock/advance", { minutes: 2 });
    expect((await h.client.checkPaymentStatus(payment.shopTransactionId, "USD")).status).toBe("canceled");
  });
});
