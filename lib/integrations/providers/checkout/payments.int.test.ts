import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { paymentsDoc, type SimPayment, getDoc } from "@/lib/integrations/sandbox/testing";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { CheckoutError } from "./errors";
import { checkoutSchemaErrors } from "./testing/openapi-schema";
import {
  capturedPayment,
  octopusPaymentInput,
  pressLandingButton,
  startCheckoutHarness,
  type CheckoutHarness,
} from "./testing/harness";

interface AcceptedBody {
  id: string;
  status: string;
  reference?: string;
  processing: { landing_url: string; octopus_uri: string; token: string };
  _links: { self: { href: string } };
}

interface DetailsBody {
  _links: { self: { href: string }; actions: { href: string }; refund?: { href: string } };
}

describe(`Checkout.com Octopus payments through the client [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  beforeAll(async () => {
    h = await startCheckoutHarness();
  });
  afterAll(async () => h?.close());

  it("requests an Octopus payment: 202 Pending with our landing page, deep link, token and self link", async () => {
    const input = octopusPaymentInput(12_340n);
    const response = await h.api("/payments", {
      method: "POST",
      body: JSON.stringify({
        amount: 12_340,
        currency: "HKD",
        source: { type: "octopus" },
        success_url: input.successUrl,
        failure_url: input.failureUrl,
        reference: input.reference,
        processing_channel_id: h.config.processingChannelId,
      }),
    });
    expect(response.status).toBe(202);
    expect(response.headers.get("cko-request-id")).toMatch(/^[A-Z2-7]{13}$/);
    expect(response.headers.get("cko-version")).toBeTruthy();
    const body = (await response.json()) as AcceptedBody;
    expect(body.id).toMatch(/^pay_[a-z2-7]{26}$/);
    expect(body.status).toBe("Pending");
    expect(body.reference).toBe(input.reference);
    const token = body.processing.token;
    expect(body.processing).toEqual({
      landing_url: `${h.config.baseUrl}/octopus/landing/${token}`,
      octopus_uri: `octopus://payment?token=${token}`,
      token,
    });
    expect(body._links.self.href).toBe(`${h.config.baseUrl}/payments/${body.id}`);

    const started = await h.client.requestOctopusPayment(octopusPaymentInput(500n), crypto.randomUUID());
    expect(started.status).toBe("Pending");
    expect(started.landingUrl).toBe(`${h.config.baseUrl}/octopus/landing/${started.token}`);
    expect(started.paymentId).not.toBe(body.id);
  });

  it("answers a fresh Cko-Request-Id on every response", async () => {
    const ids = await Promise.all(
      [1, 2, 3].map(async () =>
        (await h.api("/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaaaa")).headers.get("cko-request-id"),
      ),
    );
    expect(new Set(ids).size).toBe(3);
  });

  it.each([
    ["USD", { currency: "USD" }, ["currency_not_supported"]],
    ["an amount not ending in 0", { amount: 1005 }, ["amount_invalid"]],
    ["a zero amount", { amount: 0 }, ["amount_invalid"]],
    ["a fractional amount", { amount: 100.5 }, ["amount_invalid"]],
    ["no source", { source: undefined }, ["payment_source_required"]],
    ["a bad success_url", { success_url: "not a url" }, ["success_url_invalid"]],
    ["no failure_url", { failure_url: undefined }, ["fail_url_invalid"]],
  ])("refuses %s with 422 and the documented error code", async (_, change, codes) => {
    const body = {
      amount: 1000,
      currency: "HKD",
      source: { type: "octopus" },
      success_url: "https://merchant.example/s",
      failure_url: "https://merchant.example/f",
      processing_channel_id: h.config.processingChannelId,
      ...change,
    };
    const response = await h.api("/payments", { method: "POST", body: JSON.stringify(body) });
    expect(response.status).toBe(422);
    const error = (await response.json()) as Record<string, unknown>;
    expect(error).toEqual({
      request_id: response.headers.get("cko-request-id"),
      error_type: "request_invalid",
      error_codes: codes,
    });
    expect(checkoutSchemaErrors("ValidationError", error)).toBeNull();
  });

  it("takes the seed's own request without processing_channel_id: a key bound to one channel defaults to it", async () => {
    const seedRequest = {
      amount: 1000,
      currency: "HKD",
      source: { type: "octopus" },
      success_url: "https://merchant.example/s",
      failure_url: "https://merchant.example/f",
      reference: "SEED-NO-CHANNEL",
    };
    const response = await h.api("/payments", { method: "POST", body: JSON.stringify(seedRequest) });
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as AcceptedBody;
    expect((await getDoc<SimPayment>(h.db, paymentsDoc, accepted.id))?.data.processingChannelId).toBe(
      h.config.processingChannelId,
    );

    // A key configured for several channels must name one.
    const multi = { authorization: `Bearer ${sandboxCredentials.checkout.multiChannelSecretKey}` };
    const refused = await h.api("/payments", { method: "POST", body: JSON.stringify(seedRequest), headers: multi });
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error_codes: string[] }).error_codes).toEqual([
      "processing_channel_id_required",
    ]);
    const named = await h.api("/payments", {
      method: "POST",
      body: JSON.stringify({
        ...seedRequest,
        processing_channel_id: sandboxCredentials.checkout.secondProcessingChannelId,
      }),
      headers: multi,
    });
    expect(named.status).toBe(202);
    // An unknown key is still nobody.
    expect(
      (
        await h.api("/payments", {
          method: "POST",
          body: JSON.stringify(seedRequest),
          headers: { authorization: "Bearer sk_sbox_notakeyofthisaccount0000000" },
        })
      ).status,
    ).toBe(401);
  });

  it("refuses malformed JSON with a request_malformed error", async () => {
    const response = await h.api("/payments", { method: "POST", body: "{not json" });
    expect(response.status).toBe(422);
    const error = (await response.json()) as Record<string, unknown>;
    expect(error.error_type).toBe("request_malformed");
    expect(checkoutSchemaErrors("Error", error)).toBeNull();
  });

  it("surfaces a 422 as a rejected CheckoutError with the provider codes and request id", async () => {
    const error = await h.client
      .requestOctopusPayment(octopusPaymentInput(1_005n), crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckoutError);
    expect(error).toMatchObject({
      code: "validation",
      httpStatus: 422,
      providerCodes: ["amount_invalid"],
      outcome: "rejected",
    });
    expect((error as CheckoutError).requestId).toMatch(/^[A-Z2-7]{13}$/);
  });

  it("refuses amounts a JSON number cannot carry before sending anything", async () => {
    const error = await h.client
      .requestOctopusPayment(octopusPaymentInput(2n ** 60n), crypto.randomUUID())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "invalid_request", httpStatus: null, outcome: "rejected" });
  });

  it("answers 401 with no body to a wrong or missing key, on every API route", async () => {
    for (const headers of [{ authorization: "Bearer sk_sbox_wrongwrongwrongwrongwrongwrong" }, { authorization: "" }]) {
      const response = await h.api("/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaaaa", { headers });
      expect(response.status).toBe(401);
      expect(await response.text()).toBe("");
      expect(response.headers.get("cko-request-id")).toBeTruthy();
    }
    const { createCheckoutClient } = await import("./client");
    const wrong = createCheckoutClient({ ...h.config, secretKey: "sk_sbox_aaaaaaaaaaaaaaaaaaaaaaaaaaa" });
    await expect(wrong.getPayment("pay_aaaaaaaaaaaaaaaaaaaaaaaaaa")).rejects.toMatchObject({
      code: "unauthorized",
      httpStatus: 401,
      outcome: "rejected",
    });
  });

  it("reads a payment and its actions; both match the OpenAPI schemas", async () => {
    const started = await capturedPayment(h, 10_000n);
    const details = (await (await h.api(`/payments/${started.paymentId}`)).json()) as DetailsBody;
    expect(checkoutSchemaErrors("PaymentDetails", details)).toBeNull();
    expect(details).toMatchObject({
      id: started.paymentId,
      source: { type: "octopus" },
      amount: 10_000,
      currency: "HKD",
      approved: true,
      status: "Captured",
      balances: {
        total_authorized: 10_000,
        total_captured: 10_000,
        total_refunded: 0,
        available_to_refund: 10_000,
        available_to_capture: 0,
      },
    });
    expect(details._links.refund?.href).toBe(`${h.config.baseUrl}/payments/${started.paymentId}/refunds`);
    expect(details._links.actions.href).toBe(`${h.config.baseUrl}/payments/${started.paymentId}/actions`);

    const actions = (await (await h.api(`/payments/${started.paymentId}/actions`)).json()) as Array<
      Record<string, unknown>
    >;
    expect(actions.map((a) => a.type)).toEqual(["Capture", "Authorization"]);
    for (const action of actions) {
      expect(checkoutSchemaErrors("PaymentAction", action)).toBeNull();
      expect(action).toMatchObject({ approved: true, response_code: "10000", amount: 10_000 });
    }

    const payment = await h.client.getPayment(started.paymentId);
    expect(payment).toMatchObject({
      status: "Captured",
      amountMinor: 10_000n,
      canRefund: true,
      balances: { availableToRefund: 10_000n },
    });
    const mapped = await h.client.getPaymentActions(started.paymentId);
    expect(mapped.map((a) => a.type)).toEqual(["Capture", "Authorization"]);
  });

  it("answers 404 with no body for an unknown payment", async () => {
    const response = await h.api("/payments/pay_aaaaaaaaaaaaaaaaaaaaaaaaaa");
    expect(response.status).toBe(404);
    expect(await response.text()).toBe("");
    await expect(h.client.getPaymentActions("pay_aaaaaaaaaaaaaaaaaaaaaaaaaa")).rejects.toMatchObject({
      code: "not_found",
      outcome: "rejected",
    });
  });

  it("serves the landing page: escaped details, QR code, four buttons; approve redirects to success_url", async () => {
    const input = { ...octopusPaymentInput(25_670n), reference: `<script>alert(1)</script>` };
    const started = await h.client.requestOctopusPayment(input, crypto.randomUUID());
    const page = await fetch(started.landingUrl);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/html");
    const html = await page.text();
    expect(html).toContain("HKD 256.70");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<script>alert(1)");
    expect(html).toContain("<svg");
    for (const label of ["Approve in Octopus app", "Decline", "Cancel", "expire"]) expect(html).toContain(label);

    expect(await pressLandingButton(started.landingUrl, "approve")).toEqual({
      status: 303,
      location: input.successUrl,
    });
    expect((await h.client.getPayment(started.paymentId)).status).toBe("Captured");
    // A final payment never moves again, and its page shows the final state.
    expect(await pressLandingButton(started.landingUrl, "decline")).toEqual({
      status: 303,
      location: input.successUrl,
    });
    expect((await h.client.getPayment(started.paymentId)).status).toBe("Captured");
    expect(await (await fetch(started.landingUrl)).text()).toContain("This payment is <strong>Captured</strong>");
  });

  it.each([
    ["decline", "Declined", "20001"],
    ["cancel", "Canceled", "20017"],
    ["expire", "Expired", "20019"],
  ] as const)(
    "%s on the landing page → %s, failure_url, a declined Authorization action",
    async (decision, status, code) => {
      const input = octopusPaymentInput(1_000n);
      const started = await h.client.requestOctopusPayment(input, crypto.randomUUID());
      expect(await pressLandingButton(started.landingUrl, decision)).toEqual({
        status: 303,
        location: input.failureUrl,
      });
      const payment = await h.client.getPayment(started.paymentId);
      expect(payment).toMatchObject({ status, approved: false, canRefund: false });
      const [action] = await h.client.getPaymentActions(started.paymentId);
      expect(action).toMatchObject({ type: "Authorization", approved: false, responseCode: code });
    },
  );

  it("expires an unapproved payment after 15 minutes of sandbox time", async () => {
    const started = await h.client.requestOctopusPayment(octopusPaymentInput(), crypto.randomUUID());
    await h.advance({ minutes: 14 });
    expect((await h.client.getPayment(started.paymentId)).status).toBe("Pending");
    await h.advance({ minutes: 1, seconds: 1 });
    expect((await h.client.getPayment(started.paymentId)).status).toBe("Expired");
  });

  it("keeps the landing page public but unknown tokens get a 404 page", async () => {
    const response = await fetch(`${h.config.baseUrl}/octopus/landing/nosuchtoken`);
    expect(response.status).toBe(404);
  });
});
