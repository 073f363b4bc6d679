import { describe, expect, it } from "vitest";
import { createOctoClient } from "./client";
import { OctoError } from "./errors";

const config = {
  baseUrl: "https://octo.test/",
  shopId: 27061,
  secret: "027f85c1-4705-46c4-a2fd-dc6edd779fbb",
  notifyKey: "k",
};

/** A fetch that records the request and answers with the given body and status. */
function fakeFetch(answer: { status?: number; body: string } | (() => Promise<Response>)) {
  const calls: Array<{ url: string; init: RequestInit }> = [];
  const fetchImpl = (async (url: string | URL | Request, init?: RequestInit) => {
    calls.push({ url: String(url), init: init ?? {} });
    if (typeof answer === "function") return answer();
    return new Response(answer.body, { status: answer.status ?? 200 });
  }) as typeof fetch;
  return { calls, fetchImpl };
}

const paymentData = {
  shop_transaction_id: "o-1",
  octo_payment_UUID: "u-1",
  status: "created",
  octo_pay_url: "https://pay/u-1",
  refunded_sum: 0,
  total_sum: 150000.0,
};

describe("OCTO client", () => {
  it("sends auth in the body and amounts as exact decimals, with a timeout signal", async () => {
    const { calls, fetchImpl } = fakeFetch({ body: JSON.stringify({ error: 0, data: paymentData }) });
    const client = createOctoClient(config, { fetch: fetchImpl });
    const payment = await client.preparePayment({
      shopTransactionId: "o-1",
      autoCapture: false,
      totalMinor: 15_000_000n,
      currency: "UZS",
      description: "Order",
      initTime: new Date("2025-05-28T07:00:00Z"),
      basket: [{ positionDesc: "A", count: 1, priceMinor: 15_000_000n }],
    });
    expect(payment).toEqual({
      shopTransactionId: "o-1",
      octoPaymentUuid: "u-1",
      status: "created",
      payUrl: "https://pay/u-1",
      currency: "UZS",
      totalMinor: 15_000_000n,
      refundedMinor: 0n,
    });
    const [call] = calls;
    expect(call?.url).toBe("https://octo.test/prepare_payment");
    expect(call?.init.method).toBe("POST");
    expect(call?.init.signal).toBeInstanceOf(AbortSignal);
    expect(call?.init.body).toBe(
      '{"octo_shop_id":27061,"octo_secret":"027f85c1-4705-46c4-a2fd-dc6edd779fbb","shop_transaction_id":"o-1","auto_capture":false,"init_time":"2025-05-28 12:00:00","total_sum":150000.00,"currency":"UZS","description":"Order","basket":[{"position_desc":"A","count":1,"price":150000.00}]}',
    );
  });

  it("accepts the old flat response shape", async () => {
    const { fetchImpl } = fakeFetch({ body: JSON.stringify({ error: 0, ...paymentData, total_sum: 103.33 }) });
    const payment = await createOctoClient(config, { fetch: fetchImpl }).checkPaymentStatus("o-1", "USD");
    expect(payment).toMatchObject({ octoPaymentUuid: "u-1", totalMinor: 10_333n, currency: "USD" });
  });

  it("turns error ≠ 0 into a rejected OctoError that never shows the secret", async () => {
    const echo = JSON.stringify({ error: 2, errMessage: `Wrong secret ${config.secret}`, data: null });
    const { fetchImpl } = fakeFetch({ body: echo });
    const error = await createOctoClient(config, { fetch: fetchImpl })
      .refund({ shopRefundId: "r", octoPaymentUuid: "u", amountMinor: 100n, currency: "USD" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OctoError);
    expect(error).toMatchObject({
      code: 2,
      outcome: "rejected",
      message: "OCTO refund error 2: Wrong secret [redacted]",
    });
    expect(`${String(error)} ${(error as Error).stack} ${JSON.stringify(error)}`).not.toContain(config.secret);
  });

  it.each([
    ["a non-200 status", { status: 502, body: "bad gateway" }, "unexpected HTTP 502"],
    ["a body that is not JSON", { body: `<html>${config.secret}</html>` }, "the answer is not JSON"],
    ["a body without an error field", { body: "{}" }, "no numeric error field"],
    ["data of the wrong shape", { body: JSON.stringify({ error: 0, data: { status: 5 } }) }, "does not match"],
    [
      "an amount finer than the currency",
      { body: JSON.stringify({ error: 0, data: { ...paymentData, total_sum: 1.005 } }) },
      "not exact in USD",
    ],
  ])("reports %s as an unknown outcome", async (_label, answer, message) => {
    const { fetchImpl } = fakeFetch(answer);
    const error = await createOctoClient(config, { fetch: fetchImpl })
      .checkPaymentStatus("o-1", "USD")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ outcome: "unknown", code: null });
    expect((error as Error).message).toContain(message);
    const cause = (error as Error).cause;
    expect(`${(error as Error).message} ${cause instanceof Error ? cause.message : ""}`).not.toContain(config.secret);
  });

  it("reports a timeout as unknown, keeping the cause", async () => {
    const slow = (_url: string | URL | Request, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener("abort", () => reject(init.signal?.reason)),
      );
    const error = await createOctoClient(config, { fetch: slow as typeof fetch, timeoutMs: 20 })
      .checkPaymentStatus("o-1", "USD")
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      outcome: "unknown",
      code: null,
      message: "OCTO prepare_payment: no answer within 20 ms",
    });
    expect((error as Error).cause).toBeInstanceOf(DOMException);
  });

  it("converts refund and final amounts only at the boundary", async () => {
    const { calls, fetchImpl } = fakeFetch({
      body: JSON.stringify({
        error: 0,
        data: { octo_payment_UUID: "u", refund_id: "r-1", refund_time: "2024-12-18 16:59:39", status: "pending" },
      }),
    });
    const refund = await createOctoClient(config, { fetch: fetchImpl }).refund({
      shopRefundId: "s",
      octoPaymentUuid: "u",
      amountMinor: 9_000n,
      currency: "RUB",
    });
    expect(refund).toEqual({
      octoPaymentUuid: "u",
      refundId: "r-1",
      refundTime: "2024-12-18 16:59:39",
      status: "pending",
    });
    expect(calls[0]?.init.body).toContain('"amount":90.00');
  });
});
