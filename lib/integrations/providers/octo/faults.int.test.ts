import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OctoError } from "./errors";
import { harnessStartTimeoutMs, startOctoHarness, type OctoHarness } from "./test-harness";

let h: OctoHarness;
beforeAll(async () => {
  h = await startOctoHarness();
}, harnessStartTimeoutMs);
afterAll(async () => h?.close());

async function paidUsdPayment(shopTransactionId: string) {
  const payment = await h.client.preparePayment({
    shopTransactionId,
    autoCapture: true,
    totalMinor: 10_000n,
    currency: "USD",
    description: "faults",
  });
  await fetch(`${payment.payUrl}/approve`, { method: "POST", redirect: "manual" });
  return payment;
}

describe("OCTO client under transport faults", () => {
  it("reports a lost refund answer as unknown; the replay returns the refund already made, counted once", async () => {
    const payment = await paidUsdPayment("fault-order-1");
    await h.control("POST", "faults", { provider: "octo", kind: "lost_response", pathContains: "/refund", count: 1 });
    const input = {
      shopRefundId: "fault-refund-1",
      octoPaymentUuid: payment.octoPaymentUuid,
      amountMinor: 2_500n,
      currency: "USD" as const,
    };
    const lost = await h.client.refund(input).catch((e: unknown) => e);
    expect(lost).toBeInstanceOf(OctoError);
    expect(lost).toMatchObject({ outcome: "unknown", code: null });
    expect((lost as OctoError).cause).toBeDefined();

    const replay = await h.client.refund(input);
    expect(replay).toMatchObject({ octoPaymentUuid: payment.octoPaymentUuid, status: "succeeded" });
    const again = await h.client.refund(input);
    expect(again.refundId).toBe(replay.refundId);
    expect((await h.client.checkPaymentStatus("fault-order-1", "USD")).refundedMinor).toBe(2_500n);
  });

  it("reports HTTP 503, a reset and a timeout as unknown outcomes, never as rejections", async () => {
    await h.control("POST", "faults", {
      provider: "octo",
      kind: "http_503",
      pathContains: "/prepare_payment",
      count: 1,
    });
    await expect(h.client.checkPaymentStatus("whatever", "USD")).rejects.toMatchObject({
      outcome: "unknown",
      message: "OCTO prepare_payment: unexpected HTTP 503",
    });
    await h.control("POST", "faults", { provider: "octo", kind: "reset", pathContains: "/prepare_payment", count: 1 });
    await expect(h.client.checkPaymentStatus("whatever", "USD")).rejects.toMatchObject({ outcome: "unknown" });
    await h.control("POST", "faults", {
      provider: "octo",
      kind: "timeout",
      pathContains: "/prepare_payment",
      delayMs: 1_000,
      count: 1,
    });
    await expect(h.clientWith({ timeoutMs: 200 }).checkPaymentStatus("whatever", "USD")).rejects.toMatchObject({
      outcome: "unknown",
      message: "OCTO prepare_payment: no answer within 200 ms",
    });
  });
});
