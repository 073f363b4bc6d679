import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { auditLog } from "@/drizzle/schema/audit";
import { payments, type PaymentProviderName } from "@/drizzle/schema/payments";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { syncPayment } from "@/lib/domain/payments/sync-payment";
import { sendOpenedPaymentRequest } from "@/lib/domain/payments/request/request-payment";
import type { PaymentProviderClients } from "@/lib/integrations/providers/provider-clients";
import { paymentProviderLabel } from "@/lib/integrations/providers/provider-labels";
import { UnknownPaymentProviderError } from "@/lib/integrations/providers/provider-profiles";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import { registerTestPaymentProvider } from "@/lib/integrations/providers/test-registrations";
import { issueRefund } from "@/lib/domain/refunds/issue-refund";
import { checkRefund } from "@/lib/domain/refunds/reconcile/check-refund";
import { checkFailureSentence } from "@/lib/domain/refunds/reconcile/check-failure-sentence";
import { issueRefundInput } from "@/lib/domain/refunds/refund-input";
import type { RefundDeps } from "@/lib/domain/refunds/send-refund";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { createFakePayProvider } from "./adapter";
import { fakePayName, fakePaySignatureHeader, signFakePayBody } from "./webhook";

/** The other providers' clients: touching one would mean a service took a built-in provider's path. */
const untouchable = new Proxy(
  {},
  {
    get: (_target, key) => {
      throw new Error(`the fake provider's payment reached the ${String(key)} client`);
    },
  },
) as PaymentProviderClients;

const secret = "fakepay-webhook-secret";
const urls = { customerReturnUrl: "https://merchant.example/paid", octoNotifyUrl: "https://x.example", octoTest: true };

describe(`a fourth payment provider plugged in through the registry alone [${testDatabaseKind}]`, () => {
  const fake = createFakePayProvider();
  let db: TestDatabase;
  let deps: RefundDeps;
  let finance: AuditActor;
  let unregister: () => void;

  beforeAll(async () => {
    db = await createTestDatabase();
    unregister = registerTestPaymentProvider(fake);
    deps = {
      db: db.db,
      clients: untouchable,
      sandboxTriggers: false,
      now: () => new Date(),
      providerNow: async () => new Date(),
    };
    finance = actorOf(await makeUser(db.db, "finance"));
  }, 120_000);

  afterAll(async () => {
    unregister();
    await db.dispose();
  });

  const webhook = (body: unknown, signed = true) => {
    const rawBody = JSON.stringify(body);
    const headers = new Headers({ "content-type": "application/json" });
    if (signed) headers.set(fakePaySignatureHeader, signFakePayBody(rawBody, secret));
    return paymentProviderFor(fakePayName).webhook.respond(
      new Request("https://dashboard.example/api/webhooks/fakepay", { method: "POST", headers, body: rawBody }),
      { db: db.db, secret, refunds: deps },
    );
  };
  const paymentRow = async (id: string) => (await db.db.select().from(payments).where(eq(payments.id, id)))[0];

  it("requests, reads, takes the signed webhook of, refunds and re-reads a payment, and shows its label", async () => {
    const [opened] = await db.db
      .insert(payments)
      .values({
        provider: fakePayName,
        flow: "external",
        status: "requested",
        reference: "FP-1",
        idempotencyKey: randomUUID(),
        amountMinor: 10_000n,
        currency: "EUR",
        createdBy: finance.userId,
      })
      .returning();
    if (!opened) throw new Error("no payment row");

    expect(await sendOpenedPaymentRequest({ db: db.db, clients: untouchable, urls }, opened)).toEqual({
      kind: "accepted",
      paymentId: opened.id,
    });
    const requested = await paymentRow(opened.id);
    expect(requested).toMatchObject({ status: "pending", providerStatus: "open" });
    const providerPaymentId = requested?.providerPaymentId ?? "";
    expect(providerPaymentId).toMatch(/^fp_/);

    fake.client.pay(providerPaymentId);
    const event = {
      id: "evt_1",
      type: "payment.updated",
      payment: { id: providerPaymentId, status: "paid", amount_minor: "10000", currency: "EUR" },
    };
    expect((await webhook(event, false)).status).toBe(401);
    expect(await (await webhook(event)).json()).toEqual({ outcome: "applied" });
    expect(await (await webhook(event)).json()).toEqual({ outcome: "duplicate" });
    expect(await paymentRow(opened.id)).toMatchObject({ status: "captured", capturedMinor: 10_000n });

    const sync = await syncPayment(db.db, untouchable, opened.id, finance);
    expect(sync).toMatchObject({ inStep: true, status: "captured" });

    const form = issueRefundInput.parse({
      paymentId: opened.id,
      kind: "partial",
      amount: "25.00",
      reason: "customer_request",
      idempotencyKey: randomUUID(),
    });
    const issued = await issueRefund(deps, finance, form);
    expect(issued.kind).toBe("sent");
    expect(issued.refund).toMatchObject({ provider: fakePayName, status: "approved", amountMinor: 2_500n });
    expect(issued.refund.providerRefundId).toMatch(/^fr_/);
    const replay = await issueRefund(deps, finance, form);
    expect(replay).toMatchObject({ kind: "replay", refund: { id: issued.refund.id } });
    expect(await paymentRow(opened.id)).toMatchObject({ refundedMinor: 2_500n, refundReservedMinor: 2_500n });
    const audit = await db.db.select().from(auditLog).where(eq(auditLog.targetId, issued.refund.id));
    expect(audit.map((entry) => entry.action)).toContain("refund.created");

    const checked = await checkRefund(deps, issued.refund.id, { now: new Date() });
    expect(checked).toMatchObject({
      status: "approved",
      failure: null,
      said: { refundId: issued.refund.providerRefundId },
    });

    expect(paymentProviderLabel(fakePayName)).toBe("FakePay");
    expect(
      checkFailureSentence({ outcome: "unknown", message: "x", detail: { provider: fakePayName, httpStatus: 503 } }),
    ).toBe("FakePay answered HTTP 503");
  });

  it("refuses a provider name nobody registered instead of taking another provider's path", async () => {
    expect(() => paymentProviderFor("nopay")).toThrow(UnknownPaymentProviderError);
    const [payment] = await db.db
      .insert(payments)
      .values({
        provider: "nopay" as PaymentProviderName,
        flow: "external",
        status: "captured",
        reference: "NP-1",
        providerPaymentId: "np_1",
        amountMinor: 1_000n,
        capturedMinor: 1_000n,
        currency: "EUR",
      })
      .returning();
    if (!payment) throw new Error("no payment row");
    const form = { paymentId: payment.id, kind: "full", reason: "customer_request", idempotencyKey: randomUUID() };
    await expect(issueRefund(deps, finance, issueRefundInput.parse(form))).rejects.toThrow(UnknownPaymentProviderError);
  });

  it("refuses to register a provider outside Vitest", () => {
    vi.stubEnv("VITEST", "");
    try {
      expect(() => registerTestPaymentProvider(createFakePayProvider())).toThrow(/only be registered under Vitest/);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
