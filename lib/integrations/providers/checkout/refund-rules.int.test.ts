import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { checkoutSchemaErrors } from "./testing/openapi-schema";
import { capturedPayment, octopusPaymentInput, startCheckoutHarness, type CheckoutHarness } from "./testing/harness";

describe(`Checkout.com refund rules and errors [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  let shared: Awaited<ReturnType<typeof capturedPayment>>;
  beforeAll(async () => {
    h = await startCheckoutHarness();
    shared = await capturedPayment(h, 5_000n);
  });
  afterAll(async () => h?.close());

  it("refuses more than the available balance (pending refunds reserve it) with refund_amount_exceeds_balance", async () => {
    const payment = await capturedPayment(h, 5_000n);
    await h.client.refundPayment(payment.paymentId, { amountMinor: 3_000n }, crypto.randomUUID());
    const error = await h.client
      .refundPayment(payment.paymentId, { amountMinor: 2_100n }, crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: "validation",
      httpStatus: 422,
      providerCodes: ["refund_amount_exceeds_balance"],
      outcome: "rejected",
    });
    const raw = await h.api(`/payments/${payment.paymentId}/refunds`, {
      method: "POST",
      body: JSON.stringify({ amount: 2_100 }),
    });
    expect(checkoutSchemaErrors("ValidationError", await raw.json())).toBeNull();
  });

  it.each([
    ["a fraction", 100.5],
    ["zero", 0],
    ["a negative amount", -100],
    ["an amount not ending in 0", 1_005],
    ["a string", "100"],
  ])("refuses %s with amount_invalid", async (_, amount) => {
    const response = await h.api(`/payments/${shared.paymentId}/refunds`, {
      method: "POST",
      body: JSON.stringify({ amount }),
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error_codes: string[] }).error_codes).toEqual(["amount_invalid"]);
  });

  it("refuses a reference over 50 characters", async () => {
    const error = await h.client
      .refundPayment(shared.paymentId, { amountMinor: 100n, reference: "x".repeat(51) }, crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ httpStatus: 422, providerCodes: ["reference_invalid"] });
  });

  it("answers 403 for a payment that is not captured and 404 for an unknown one", async () => {
    const pending = await h.client.requestOctopusPayment(octopusPaymentInput(), crypto.randomUUID());
    const forbidden = await h.api(`/payments/${pending.paymentId}/refunds`, {
      method: "POST",
      body: JSON.stringify({ amount: 100 }),
    });
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).toBe("");
    await expect(
      h.client.refundPayment(pending.paymentId, { amountMinor: 100n }, crypto.randomUUID()),
    ).rejects.toMatchObject({
      code: "action_not_allowed",
      httpStatus: 403,
      outcome: "rejected",
    });
    await expect(
      h.client.refundPayment("pay_aaaaaaaaaaaaaaaaaaaaaaaaaa", { amountMinor: 100n }, crypto.randomUUID()),
    ).rejects.toMatchObject({
      code: "not_found",
      httpStatus: 404,
    });
  });
});
