import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import { createCheckoutClient } from "@/lib/integrations/providers/checkout/client";
import {
  pressLandingButton,
  startCheckoutHarness,
  type CheckoutHarness,
} from "@/lib/integrations/providers/checkout/testing/harness";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { receiveCheckoutWebhook } from "@/lib/integrations/providers/checkout/webhook/receive-checkout-webhook";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { requestPaymentInput, type RequestPaymentInput } from "./request-payment-input";
import { openPaymentRequest } from "./open-payment-request";
import { requestPayment, resumePaymentRequest, type PaymentRequestDeps } from "./request-payment";
import { recordAcceptance } from "./record-request-outcome";

const urls = {
  customerReturnUrl: "https://merchant.example/paid",
  octoNotifyUrl: "https://merchant.example/octo-notify",
  octoTest: true,
};

function input(overrides: Partial<Record<string, string>> = {}): RequestPaymentInput {
  return requestPaymentInput.parse({
    method: "checkout_api",
    currency: "HKD",
    amount: "125.50",
    idempotencyKey: crypto.randomUUID(),
    ...overrides,
  });
}

describe(`requesting a payment [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  let deps: PaymentRequestDeps;
  let actor: AuditActor;
  const eventsOf = async (paymentId: string) =>
    (
      await h.db.select().from(paymentEvents).where(eq(paymentEvents.paymentId, paymentId)).orderBy(paymentEvents.id)
    ).map((e) => e.kind);
  const rowOf = async (paymentId: string) => (await h.db.select().from(payments).where(eq(payments.id, paymentId)))[0];
  const octoBase = () => h.config.baseUrl.replace(/\/checkout$/, "/octo");

  beforeAll(async () => {
    h = await startCheckoutHarness({ timeoutMs: 1_500 });
    deps = {
      db: h.db,
      clients: { checkout: h.client, octo: createOctoClient({ ...sandboxCredentials.octo, baseUrl: octoBase() }) },
      urls,
    };
    actor = actorOf(await makeUser(h.db, "finance"));
  }, 180_000);
  afterAll(async () => h?.close());

  it("API-only flow: our row and key are stored, then the provider's ids and customer links", async () => {
    const outcome = await requestPayment(
      deps,
      actor,
      input({ customerEmail: "Chan@Example.com", reference: "INV-1001" }),
    );
    expect(outcome.kind).toBe("accepted");
    const row = await rowOf(outcome.paymentId);
    expect(row).toMatchObject({
      provider: "checkout",
      flow: "checkout_api",
      status: "pending",
      providerStatus: "Pending",
      amountMinor: 12_550n,
      currency: "HKD",
      reference: "INV-1001",
      customerEmail: "chan@example.com",
    });
    expect(row?.providerPaymentId).toMatch(/^pay_\w{26}$/);
    expect(row?.landingUrl).toContain("/landing/");
    expect(row?.octopusUri).toMatch(/^octopus/);
    expect(await eventsOf(outcome.paymentId)).toEqual(["requested", "provider_accepted"]);

    // The customer pays on the landing page; the provider agrees.
    await pressLandingButton(row?.landingUrl ?? "", "approve");
    expect((await h.client.getPayment(row?.providerPaymentId ?? "")).status).toBe("Captured");
  });

  it("a resubmitted form is a replay: no second row, no second provider call", async () => {
    const form = input();
    const first = await requestPayment(deps, actor, form);
    const again = await requestPayment(deps, actor, form);
    expect(again).toEqual({ kind: "replay", paymentId: first.paymentId });
    expect(await h.db.select().from(payments).where(eq(payments.idempotencyKey, form.idempotencyKey))).toHaveLength(1);
    await expect(requestPayment(deps, actor, { ...form, amountMinor: 1n })).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("concurrent submissions of one form make exactly one payment", async () => {
    const form = input();
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => requestPayment(deps, actor, form)));
    expect(new Set(outcomes.map((o) => o.paymentId)).size).toBe(1);
    expect(outcomes.filter((o) => o.kind === "accepted")).toHaveLength(1);
  });

  it("Payment Setup flow: the setup is created and stored, then confirmed", async () => {
    const outcome = await requestPayment(deps, actor, input({ method: "checkout_setup" }));
    expect(outcome.kind).toBe("accepted");
    const row = await rowOf(outcome.paymentId);
    expect(row?.providerSetupId).toMatch(/^set_/);
    expect(row?.status).toBe("pending");
    expect(await eventsOf(outcome.paymentId)).toEqual(["requested", "setup_created", "provider_accepted"]);
    expect((await h.client.getPaymentSetup(row?.providerSetupId ?? "")).latestPaymentId).toBe(row?.providerPaymentId);
  });

  it("OCTO flow: prepare_payment with our reference as shop_transaction_id; the pay page is the landing URL", async () => {
    const outcome = await requestPayment(
      deps,
      actor,
      input({ method: "octo", currency: "UZS", amount: "150000.00", reference: "OCTO-REQ-1" }),
    );
    expect(outcome.kind).toBe("accepted");
    const row = await rowOf(outcome.paymentId);
    expect(row).toMatchObject({
      provider: "octo",
      status: "pending",
      providerStatus: "created",
      amountMinor: 15_000_000n,
      currency: "UZS",
      reference: "OCTO-REQ-1",
    });
    expect(row?.landingUrl).toContain("/pay/");
    const atOcto = await deps.clients.octo.checkPaymentStatus("OCTO-REQ-1", "UZS");
    expect(atOcto).toMatchObject({ octoPaymentUuid: row?.providerPaymentId, totalMinor: 15_000_000n });
    // An OCTO reference identifies the payment there, so it cannot be used twice.
    await expect(
      requestPayment(deps, actor, input({ method: "octo", currency: "UZS", amount: "1.00", reference: "OCTO-REQ-1" })),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fieldErrors: { reference: ["is already used by another OCTO payment"] } },
    });
  });

  it("two requests racing for one OCTO reference: exactly one is made", async () => {
    const forms = Array.from({ length: 4 }, () =>
      input({ method: "octo", currency: "USD", amount: "5", reference: "OCTO-RACE-1" }),
    );
    const settled = await Promise.allSettled(forms.map((form) => requestPayment(deps, actor, form)));
    expect(settled.filter((s) => s.status === "fulfilled")).toHaveLength(1);
    for (const failure of settled.filter((s) => s.status === "rejected"))
      expect(failure.reason).toMatchObject({ code: "VALIDATION_FAILED" });
    expect(await h.db.select().from(payments).where(eq(payments.reference, "OCTO-RACE-1"))).toHaveLength(1);
  });

  it("a refusal from the provider is final: the row is failed with the provider's reason", async () => {
    const wrongSecret = {
      ...deps,
      clients: {
        ...deps.clients,
        octo: createOctoClient({ ...sandboxCredentials.octo, secret: "not-the-secret", baseUrl: octoBase() }),
      },
    };
    const outcome = await requestPayment(wrongSecret, actor, input({ method: "octo", currency: "USD", amount: "20" }));
    expect(outcome.kind).toBe("rejected");
    expect((await rowOf(outcome.paymentId))?.status).toBe("failed");
    expect(await eventsOf(outcome.paymentId)).toEqual(["requested", "provider_rejected"]);
  });

  it("a lost answer leaves the request open; resuming with the same key finds the one payment the provider made", async () => {
    await h.fault({ kind: "lost_response", method: "POST", pathContains: "/payments" });
    const form = input();
    const outcome = await requestPayment(deps, actor, form);
    expect(outcome.kind).toBe("unknown");
    expect((await rowOf(outcome.paymentId))?.status).toBe("requested");

    const resumed = await resumePaymentRequest(deps, actor, outcome.paymentId);
    expect(resumed).toEqual({ kind: "accepted", paymentId: outcome.paymentId });
    const row = await rowOf(outcome.paymentId);
    expect(row?.status).toBe("pending");
    expect(await eventsOf(outcome.paymentId)).toEqual([
      "requested",
      "outcome_unknown",
      "request_resumed",
      "provider_accepted",
    ]);
    // Exactly one payment exists at Checkout.com with our reference.
    await h.tick();
    const pendingEvents = (await h.deliveries()).filter(
      (d) => d.eventType === "payment_pending" && d.body.includes(row?.reference ?? "?"),
    );
    expect(pendingEvents).toHaveLength(1);
    await expect(resumePaymentRequest(deps, actor, outcome.paymentId)).rejects.toMatchObject({ code: "CONFLICT" });
  });

  it("a timeout is recorded as unknown, never as failed", async () => {
    const slow = {
      ...deps,
      clients: { ...deps.clients, checkout: createCheckoutClient(h.config, { timeoutMs: 300 }) },
    };
    await h.fault({ kind: "delay", method: "POST", pathContains: "/payments", delayMs: 1_000 });
    const outcome = await requestPayment(slow, actor, input());
    expect(outcome.kind).toBe("unknown");
    expect((await rowOf(outcome.paymentId))?.status).toBe("requested");
  });

  it("a webhook that overtakes the provider's answer is linked to our request, not made a second payment", async () => {
    const opened = await openPaymentRequest(h.db, actor, input());
    const payId = `pay_${"l".repeat(26)}`;
    const body = JSON.stringify({
      id: `evt_${crypto.randomUUID()}`,
      type: "payment_pending",
      data: {
        id: payId,
        amount: 12_550,
        currency: "HKD",
        reference: opened.payment.reference,
        metadata: { payment_id: opened.payment.id },
      },
    });
    const { createHmac } = await import("node:crypto");
    const signature = createHmac("sha256", h.config.webhookSecret).update(body).digest("hex");
    const received = await receiveCheckoutWebhook(
      h.db,
      { rawBody: body, signatureHeader: signature, headers: {} },
      h.config.webhookSecret,
    );
    expect(received.outcome).toBe("applied");
    expect(await rowOf(opened.payment.id)).toMatchObject({ providerPaymentId: payId, status: "pending" });
    expect(await h.db.select().from(payments).where(eq(payments.providerPaymentId, payId))).toHaveLength(1);

    await recordAcceptance(h.db, opened.payment.id, {
      providerPaymentId: payId,
      providerStatus: "Pending",
      status: "pending",
      landingUrl: "https://x.example/l",
      octopusUri: null,
    });
    expect(await eventsOf(opened.payment.id)).toEqual([
      "requested",
      "linked_to_provider",
      "status_changed",
      "provider_accepted",
    ]);
  });
});
