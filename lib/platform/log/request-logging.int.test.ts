import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { setAppDatabaseForTests } from "@/lib/platform/db/client";
import { startCheckoutHarness, type CheckoutHarness } from "@/lib/integrations/providers/checkout/testing/harness";
import { createCheckoutClient } from "@/lib/integrations/providers/checkout/client";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { requestPaymentInput } from "@/lib/domain/payments/request/request-payment-input";
import { requestPayment, type PaymentRequestDeps } from "@/lib/domain/payments/request/request-payment";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { captureLogLines } from "./logger";
import { withRequestContext } from "./request-context";

vi.mock("server-only", () => ({}));
// The request id arrives as proxy.ts forwards it; the session layer is not under test here.
const incoming = vi.hoisted(() => ({ requestId: null as string | null }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers(incoming.requestId ? { "x-request-id": incoming.requestId } : {}),
}));
vi.mock("@/lib/domain/auth/current-user", () => ({
  requireUser: async () => ({ id: "u", email: "ops@example.com", role: "ops" }),
  requirePermission: async () => ({ id: "u", email: "ops@example.com", role: "ops" }),
  auditActorFor: async () => ({ userId: "u", email: "ops@example.com", role: "ops", ip: null, userAgent: null }),
}));

const { defineAction } = await import("@/lib/app/actions/define-action");
const { handleWebhook } = await import("@/lib/platform/http/webhook-route");

const urls = {
  customerReturnUrl: "https://merchant.example/paid",
  octoNotifyUrl: "https://merchant.example/n",
  octoTest: true,
};
const cardCode = "4242424242424242";

describe(`log lines carry the request id and no secret [${testDatabaseKind}]`, () => {
  let h: CheckoutHarness;
  let app: TestDatabase;
  let actor: AuditActor;
  let capture: ReturnType<typeof captureLogLines>;
  const linesWith = (field: string, value: unknown) => capture.lines().filter((line) => line[field] === value);

  beforeAll(async () => {
    h = await startCheckoutHarness({ timeoutMs: 1_500 });
    app = await createTestDatabase();
    setAppDatabaseForTests(app);
    actor = actorOf(await makeUser(h.db, "finance"));
  }, 180_000);
  afterAll(async () => {
    await h?.close();
    await app?.dispose();
  });
  beforeEach(() => {
    capture = captureLogLines();
    incoming.requestId = null;
  });
  afterEach(() => capture.stop());

  function deps(checkoutBaseUrl = h.config.baseUrl): PaymentRequestDeps {
    const octo = createOctoClient({
      ...sandboxCredentials.octo,
      baseUrl: h.config.baseUrl.replace(/checkout$/, "octo"),
    });
    const checkout = createCheckoutClient({ ...h.config, baseUrl: checkoutBaseUrl }, { timeoutMs: 1_500 });
    return { db: h.db, clients: { checkout, octo }, urls };
  }
  const input = () =>
    requestPaymentInput.parse({
      method: "checkout_api",
      currency: "HKD",
      amount: "125.50",
      idempotencyKey: crypto.randomUUID(),
      reference: cardCode,
    });

  it("a provider call: one line with provider, method, path, status and the request id; no body, no key", async () => {
    await withRequestContext({ requestId: "req-provider-0001" }, () => requestPayment(deps(), actor, input()));

    const calls = linesWith("event", "provider_call");
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      requestId: "req-provider-0001",
      provider: "checkout",
      method: "POST",
      path: "/payments",
      failed: false,
      durationMs: expect.any(Number),
    });
    // The SDK hides a success's status (null then); the field is there either way.
    expect(calls[0]).toHaveProperty("status");
    const text = JSON.stringify(capture.lines());
    expect(text).not.toContain(h.config.secretKey);
    expect(text).not.toContain(cardCode);
  });

  it("an unknown outcome: a warning with the idempotency key and the request id", async () => {
    const request = input();
    // Nothing listens on port 9: the request fails before any answer, so its outcome is unknown.
    await withRequestContext({ requestId: "req-unknown-0001" }, () =>
      requestPayment(deps("http://127.0.0.1:9"), actor, request),
    );

    const [warning] = linesWith("msg", "payment request outcome unknown");
    expect(warning).toMatchObject({
      level: "warn",
      requestId: "req-unknown-0001",
      idempotencyKey: request.idempotencyKey,
    });
    expect(JSON.stringify(capture.lines())).not.toContain(h.config.secretKey);
  });

  it("a server action: its lines carry the id proxy.ts forwarded, or a fresh one when that is malformed", async () => {
    const failing = defineAction({
      name: "alwaysFails",
      permission: "signed-in",
      input: z.object({}),
      run: async () => {
        throw new Error("boom");
      },
    });
    incoming.requestId = "req-action-0001";
    expect(await failing(null, {})).toMatchObject({ ok: false, code: "INTERNAL" });
    incoming.requestId = "bad id\nforged line";
    await failing(null, {});

    const [first, second] = linesWith("msg", "action failed");
    expect(first).toMatchObject({ level: "error", action: "alwaysFails", requestId: "req-action-0001" });
    expect(second?.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("a webhook delivery: its lines carry the caller's request id", async () => {
    const request = new Request("http://localhost/api/webhooks/test", {
      method: "POST",
      headers: { "x-request-id": "req-webhook-0001" },
      body: "{}",
    });
    const response = await handleWebhook(request, {
      name: "test",
      maxBodyBytes: 1_000,
      what: "event",
      receive: async () => {
        throw new Error("cannot apply");
      },
    });

    expect(response.status).toBe(500);
    expect(linesWith("msg", "webhook delivery failed")[0]).toMatchObject({
      webhook: "test",
      requestId: "req-webhook-0001",
    });
  });
});
