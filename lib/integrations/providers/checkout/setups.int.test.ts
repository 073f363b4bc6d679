import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { pressLandingButton, startCheckoutHarness, type CheckoutHarness } from "./testing/harness";

describe(`Checkout.com Payment Setup API with Octopus [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await startCheckoutHarness();
  });
  afterAll(async () => h?.close());

  const urls = { successUrl: "https://merchant.example/setup/ok", failureUrl: "https://merchant.example/setup/fail" };

  it("creates a setup (200, set_ id); Octopus is ready once amount, HKD and both URLs are present", async () => {
    const response = await h.api("/payments/setups", {
      method: "POST",
      body: JSON.stringify({
        amount: 1000,
        currency: "HKD",
        settings: { success_url: urls.successUrl, failure_url: urls.failureUrl },
        reference: "ORD-S1",
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: expect.stringMatching(/^set_[a-z2-7]{26}$/),
      processing_channel_id: expect.stringMatching(/^pc_/),
      amount: 1000,
      currency: "HKD",
      payment_type: "Regular",
      payment_methods: { octopus: { status: "ready", flags: [] } },
      available_payment_methods: ["octopus"],
    });

    const partial = await h.client.createPaymentSetup({ reference: "ORD-S2" });
    expect(partial).toMatchObject({ octopusReady: false, amountMinor: null });
    expect(partial.octopusFlags).toEqual(
      expect.arrayContaining(["amount_required", "success_url_required", "failure_url_required"]),
    );
  });

  it("updates a setup, then confirms it with octopus: a Pending pay_ payment, and GET shows latest_payment", async () => {
    const setup = await h.client.createPaymentSetup({ amountMinor: 500n, reference: "ORD-S3" });
    const updated = await h.client.updatePaymentSetup(setup.id, { amountMinor: 2_500n, ...urls });
    expect(updated).toMatchObject({
      id: setup.id,
      amountMinor: 2_500n,
      octopusReady: true,
      successUrl: urls.successUrl,
    });

    const started = await h.client.confirmPaymentSetupOctopus(setup.id, crypto.randomUUID());
    expect(started.paymentId).toMatch(/^pay_/);
    expect(started.status).toBe("Pending");
    expect(started.landingUrl).toContain("/octopus/landing/");
    const raw = (await (await h.api(`/payments/setups/${setup.id}`)).json()) as {
      latest_payment?: { id: string; status: string };
    };
    expect(raw.latest_payment).toMatchObject({ id: started.paymentId, status: "Pending" });
    expect((await h.client.getPaymentSetup(setup.id)).latestPaymentId).toBe(started.paymentId);

    // Confirming again while the payment is pending returns the same payment.
    expect((await h.client.confirmPaymentSetupOctopus(setup.id, crypto.randomUUID())).paymentId).toBe(
      started.paymentId,
    );
    expect(await pressLandingButton(started.landingUrl, "approve")).toEqual({ status: 303, location: urls.successUrl });
    expect(await h.client.getPayment(started.paymentId)).toMatchObject({
      status: "Captured",
      amountMinor: 2_500n,
      reference: "ORD-S3",
    });
    await expect(h.client.confirmPaymentSetupOctopus(setup.id, crypto.randomUUID())).rejects.toMatchObject({
      httpStatus: 422,
      providerCodes: ["payment_setup_already_completed"],
    });
  });

  it("sends the idempotency key on confirm: a replay returns the same payment", async () => {
    const setup = await h.client.createPaymentSetup({ amountMinor: 1_000n, ...urls });
    const key = crypto.randomUUID();
    const first = await h.client.confirmPaymentSetupOctopus(setup.id, key);
    await pressLandingButton(first.landingUrl, "cancel");
    // Without the key this would create a new payment (the first one is Canceled).
    expect((await h.client.confirmPaymentSetupOctopus(setup.id, key)).paymentId).toBe(first.paymentId);
    expect((await h.client.confirmPaymentSetupOctopus(setup.id, crypto.randomUUID())).paymentId).not.toBe(
      first.paymentId,
    );
  });

  it("refuses to confirm a setup that is not ready, and 404s an unknown one", async () => {
    const setup = await h.client.createPaymentSetup({ amountMinor: 1_000n, currency: "USD", ...urls });
    await expect(h.client.confirmPaymentSetupOctopus(setup.id, crypto.randomUUID())).rejects.toMatchObject({
      httpStatus: 422,
      providerCodes: ["currency_not_supported"],
      outcome: "rejected",
    });
    await expect(h.client.getPaymentSetup("set_aaaaaaaaaaaaaaaaaaaaaaaaaa")).rejects.toMatchObject({
      code: "not_found",
      httpStatus: 404,
    });
  });
});
