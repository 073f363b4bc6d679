import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { CheckoutError } from "./errors";
import { capturedPayment, octopusPaymentInput, startCheckoutHarness, type CheckoutHarness } from "./testing/harness";

describe(`Checkout.com client under faults [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await startCheckoutHarness({ timeoutMs: 1_500 });
  });
  afterAll(async () => h?.close());

  it("a lost response on a refund: outcome unknown, the refund exists, the retry replays and creates no second one", async () => {
    const payment = await capturedPayment(h, 10_000n);
    const key = crypto.randomUUID();
    await h.fault({ kind: "lost_response", method: "POST", pathContains: "/refunds" });
    const error = await h.client
      .refundPayment(payment.paymentId, { amountMinor: 2_000n }, key)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error).toMatchObject({ code: "network", httpStatus: null, outcome: "unknown" });
    expect((error as CheckoutError).cause).toBeDefined();

    await h.advance({ seconds: 5 });
    const refunds = (await h.client.getPaymentActions(payment.paymentId)).filter((a) => a.type === "Refund");
    expect(refunds).toHaveLength(1);
    expect(refunds[0]).toMatchObject({ amountMinor: 2_000n, approved: true });

    const retry = await h.client.refundPayment(payment.paymentId, { amountMinor: 2_000n }, key);
    expect(retry.actionId).toBe(refunds[0]?.id);
    await h.advance({ seconds: 5 });
    expect((await h.client.getPaymentActions(payment.paymentId)).filter((a) => a.type === "Refund")).toHaveLength(1);
    expect((await h.client.getPayment(payment.paymentId)).balances?.totalRefunded).toBe(2_000n);
  });

  it.each([
    ["http_500", "server_error", 500],
    ["http_502", "server_error", 502],
    ["http_503", "server_error", 503],
    ["http_429", "rate_limited", 429],
  ] as const)("%s on a payment request → %s, outcome unknown, nothing created", async (kind, code, status) => {
    await h.fault({ kind, method: "POST", pathContains: "/payments" });
    const key = crypto.randomUUID();
    await expect(h.client.requestOctopusPayment(octopusPaymentInput(), key)).rejects.toMatchObject({
      code,
      httpStatus: status,
      outcome: "unknown",
    });
    // Nothing was stored under the key: the retry is processed for real.
    const retried = await h.client.requestOctopusPayment(octopusPaymentInput(), key);
    expect(retried.status).toBe("Pending");
  });

  it("a reset connection → network error, outcome unknown", async () => {
    await h.fault({ kind: "reset", pathContains: "/payments" });
    await expect(h.client.getPayment("pay_aaaaaaaaaaaaaaaaaaaaaaaaaa")).rejects.toMatchObject({
      code: "network",
      outcome: "unknown",
    });
  });

  it("a provider that does not answer in time → timeout, outcome unknown", async () => {
    await h.fault({ kind: "timeout", pathContains: "/payments", delayMs: 3_000 });
    const started = Date.now();
    await expect(h.client.requestOctopusPayment(octopusPaymentInput(), crypto.randomUUID())).rejects.toMatchObject({
      code: "timeout",
      httpStatus: null,
      outcome: "unknown",
    });
    expect(Date.now() - started).toBeLessThan(2_900);
  });
});
