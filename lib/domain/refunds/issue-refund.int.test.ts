import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import { createOctoClient } from "@/lib/integrations/providers/octo/client";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { approveRefund, rejectRefund } from "./decide-refund";
import { issueRefund } from "./issue-refund";
import { issueRefundInput } from "./refund-input";
import { startRefundsHarness, type RefundsHarness } from "./testing/refunds-harness";

const form = (paymentId: string, fields: Record<string, string> = {}) =>
  issueRefundInput.parse({
    paymentId,
    kind: "partial",
    reason: "customer_request",
    idempotencyKey: crypto.randomUUID(),
    ...fields,
  });

describe(`issuing refunds [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  const reservedOf = async (paymentId: string) =>
    (await h.db.select().from(payments).where(eq(payments.id, paymentId)))[0]?.refundReservedMinor;
  const refundsOf = async (paymentId: string) => h.db.select().from(refunds).where(eq(refunds.paymentId, paymentId));

  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  it("a partial then a full refund: each sent once with its key, reserved until decided, then nothing is left", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    const partial = await issueRefund(h.deps, h.finance, form(payment.id, { amount: "30.00" }));
    expect(partial.kind).toBe("sent");
    expect(partial.refund).toMatchObject({
      status: "pending",
      amountMinor: 3_000n,
      providerRefundId: expect.stringMatching(/^act_/),
    });
    expect(await reservedOf(payment.id)).toBe(3_000n);

    const full = await issueRefund(h.deps, h.finance, form(payment.id, { kind: "full" }));
    expect(full.refund).toMatchObject({ status: "pending", amountMinor: 7_000n });
    expect(await reservedOf(payment.id)).toBe(10_000n);
    await expect(issueRefund(h.deps, h.finance, form(payment.id, { kind: "full" }))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      userMessage: expect.stringContaining("nothing is left"),
    });

    const atProvider = await h.client.getPayment(payment.providerPaymentId ?? "");
    expect(atProvider.balances?.totalRefunded ?? 0n).toBeLessThanOrEqual(10_000n);
    const events = await h.db
      .select()
      .from(refundEvents)
      .where(eq(refundEvents.refundId, partial.refund.id))
      .orderBy(refundEvents.id);
    expect(events.map((e) => [e.kind, e.toStatus])).toEqual([
      ["created", "requested"],
      ["provider_answer", "pending"],
    ]);
  });

  it("an over-refund is refused with the rule and the numbers, and nothing is written", async () => {
    const payment = await h.capturedPayment("checkout_api", "50.00");
    await expect(issueRefund(h.deps, h.finance, form(payment.id, { amount: "60.00" }))).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: {
        fieldErrors: {
          amount: [
            "HK$60.00 is more than the HK$50.00 still refundable (captured HK$50.00, HK$0.00 already refunded or in flight)",
          ],
        },
      },
    });
    await expect(issueRefund(h.deps, h.finance, form(payment.id, { amount: "10.05" }))).rejects.toMatchObject({
      options: { fieldErrors: { amount: ["HK$10.05 must be a multiple of HK$0.10: Octopus refund amounts end in 0"] } },
    });
    expect(await refundsOf(payment.id)).toHaveLength(0);
    expect(await reservedOf(payment.id)).toBe(0n);
  });

  it("a resubmitted dialog is a replay; the same key with another amount is refused", async () => {
    const payment = await h.capturedPayment("checkout_api", "80.00");
    const dialog = form(payment.id, { amount: "20.00" });
    const [first, second] = await Promise.all([
      issueRefund(h.deps, h.finance, dialog),
      issueRefund(h.deps, h.finance, dialog),
    ]);
    expect([first.kind, second.kind].sort()).toEqual(["replay", "sent"]);
    expect(await refundsOf(payment.id)).toHaveLength(1);
    await expect(issueRefund(h.deps, h.finance, { ...dialog, amount: "30.00" })).rejects.toMatchObject({
      code: "CONFLICT",
    });
  });

  it("OCTO: the rules are explained in the payment currency, and a refund succeeds at once", async () => {
    const payment = await h.capturedPayment("octo", "150000.00", "UZS");
    await expect(issueRefund(h.deps, h.finance, form(payment.id, { amount: "10000.00" }))).rejects.toMatchObject({
      options: { fieldErrors: { amount: [expect.stringContaining("below OCTO's minimum of 1 USD")] } },
    });
    const refund = await issueRefund(h.deps, h.finance, form(payment.id, { amount: "20000.00" }));
    expect(refund.refund).toMatchObject({ status: "approved", amountMinor: 2_000_000n, providerStatus: "succeeded" });
    expect(await reservedOf(payment.id)).toBe(2_000_000n);
  });

  it("above the threshold a refund waits for a second person; the requester cannot approve it", async () => {
    const payment = await h.capturedPayment("checkout_api", "12000.00");
    const outcome = await issueRefund(h.deps, h.finance, form(payment.id, { amount: "11000.00" }));
    expect(outcome).toMatchObject({ kind: "awaiting_approval", refund: { status: "awaiting_approval" } });
    expect(await reservedOf(payment.id)).toBe(0n);
    await expect(approveRefund(h.deps, h.finance, outcome.refund.id)).rejects.toMatchObject({ code: "FORBIDDEN" });

    const approved = await approveRefund(h.deps, h.secondFinance, outcome.refund.id, "checked with the customer");
    expect(approved).toMatchObject({ status: "pending", decidedBy: h.secondFinance.userId });
    expect(await reservedOf(payment.id)).toBe(1_100_000n);
    await expect(approveRefund(h.deps, h.secondFinance, outcome.refund.id)).rejects.toMatchObject({ code: "CONFLICT" });

    const another = await issueRefund(h.deps, h.finance, form(payment.id, { kind: "full" }));
    expect(another.kind).toBe("sent");
  });

  it("a rejected approval ends the refund and reserves nothing", async () => {
    const payment = await h.capturedPayment("checkout_api", "20000.00");
    const outcome = await issueRefund(h.deps, h.finance, form(payment.id, { kind: "full" }));
    expect(outcome.kind).toBe("awaiting_approval");
    await rejectRefund(h.deps, h.secondFinance, outcome.refund.id, "not agreed with the customer");
    expect((await refundsOf(payment.id))[0]).toMatchObject({
      status: "rejected",
      decisionNote: "not agreed with the customer",
    });
    expect(await reservedOf(payment.id)).toBe(0n);
  });

  it("no answer from the provider: unknown, the money stays reserved; a refusal: failed, the money is released", async () => {
    const payment = await h.capturedPayment("checkout_api", "90.00");
    await h.fault({ kind: "http_500", method: "POST", pathContains: "/refunds" });
    const unknown = await issueRefund(h.deps, h.finance, form(payment.id, { amount: "40.00" }));
    expect(unknown.refund).toMatchObject({ status: "unknown", nextCheckAt: expect.any(Date) });
    expect(await reservedOf(payment.id)).toBe(4_000n);

    // OCTO refuses outright (wrong secret: error 2): the refund fails and its money is released.
    const octoPayment = await h.capturedPayment("octo", "50.00", "USD");
    const wrongSecret = createOctoClient({
      ...sandboxCredentials.octo,
      secret: "wrong",
      baseUrl: h.config.baseUrl.replace(/\/checkout$/, "/octo"),
    });
    const refused = await issueRefund(
      { ...h.deps, clients: { ...h.deps.clients, octo: wrongSecret } },
      h.finance,
      form(octoPayment.id, { amount: "5.00" }),
    );
    expect(refused.refund).toMatchObject({ status: "failed", providerStatus: "2" });
    expect(await reservedOf(octoPayment.id)).toBe(0n);
  });
});
