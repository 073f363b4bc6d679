import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { capturedPayment, startCheckoutHarness, type CheckoutHarness } from "./testing/harness";

describe(`Checkout.com refund count limit [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await startCheckoutHarness();
  });
  afterAll(async () => h?.close());

  it("allows at most 150 refund actions on one payment", async () => {
    const payment = await capturedPayment(h, 100_000n);
    // Ten at a time on purpose: the payment's row lock must keep the count and the balance exact.
    const statuses: number[] = [];
    for (let batch = 0; batch < 15; batch += 1) {
      const refund = async () =>
        (
          await h.api(`/payments/${payment.paymentId}/refunds`, {
            method: "POST",
            body: JSON.stringify({ amount: 100 }),
          })
        ).status;
      statuses.push(...(await Promise.all(Array.from({ length: 10 }, refund))));
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(150);
    expect((await h.client.getPayment(payment.paymentId)).balances?.availableToRefund).toBe(100_000n - 15_000n);
    const error = await h.client
      .refundPayment(payment.paymentId, { amountMinor: 100n }, crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 422, providerCodes: ["refund_limit_exceeded"] });
  });
});
