import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { approveRefund } from "./decide-refund";
import { issueRefund } from "./issue-refund";
import { loadPaymentRefunds } from "./payment-refunds";
import { issueRefundInput } from "./refund-input";
import { startRefundsHarness, type RefundsHarness } from "./testing/refunds-harness";
import { paymentAmounts } from "@/lib/domain/payments/refund-totals";
import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refundApprovalThresholds } from "@/drizzle/schema/refunds";

const form = (paymentId: string, fields: Record<string, string> = {}) =>
  issueRefundInput.parse({
    paymentId,
    kind: "partial",
    reason: "customer_request",
    idempotencyKey: crypto.randomUUID(),
    ...fields,
  });

describe(`a payment's refunds as the page shows them [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness({ timeoutMs: 1_500 });
  }, 180_000);
  afterAll(async () => h?.close());

  it("lists each refund newest first with requester, decider and its event timeline, and the amounts follow", async () => {
    const payment = await h.capturedPayment("checkout_api", "100.00");
    await h.db.insert(refundApprovalThresholds).values({ currency: "HKD", amountMinor: 5_000n });
    const small = await issueRefund(h.deps, h.finance, form(payment.id, { amount: "20.00" }));
    const large = await issueRefund(
      h.deps,
      h.finance,
      form(payment.id, { amount: "60.00", reason: "other", note: "goodwill" }),
    );
    expect(large.kind).toBe("awaiting_approval");

    let views = await loadPaymentRefunds(h.db, payment.id, new Date());
    expect(views.map((v) => [v.id, v.status, v.amountMinor, v.settled])).toEqual([
      [large.refund.id, "awaiting_approval", "6000", false],
      [small.refund.id, "pending", "2000", false],
    ]);
    expect(views[0]).toMatchObject({
      reason: "other",
      note: "goodwill",
      requestedBy: { email: expect.stringContaining("@") },
      decidedBy: null,
    });
    expect(views[1]?.events.map((e) => [e.source, e.kind, e.toStatus])).toEqual([
      ["staff", "created", "requested"],
      ["api_call", "provider_answer", "pending"],
    ]);
    expect(views[1]?.events[0]?.actorEmail).toBe(views[1]?.requestedBy?.email);
    expect(views[1]?.events.map((e) => e.sentence)).toEqual([
      expect.stringMatching(/^.+ requested this refund\.$/),
      "Checkout.com accepted this refund and will decide on it.",
    ]);

    await approveRefund(h.deps, h.secondFinance, large.refund.id, "checked");
    views = await loadPaymentRefunds(h.db, payment.id, new Date());
    expect(views[0]).toMatchObject({
      status: "pending",
      decidedBy: { email: h.secondFinance.email },
      decisionNote: "checked",
    });
    const [fresh] = await h.db.select().from(payments).where(eq(payments.id, payment.id));
    expect(await paymentAmounts(h.db, fresh!)).toEqual({
      capturedMinor: 10_000n,
      refundedMinor: 0n,
      inFlightMinor: 8_000n,
      refundableMinor: 2_000n,
      awaitingApprovalMinor: 0n,
    });
    expect(await loadPaymentRefunds(h.db, crypto.randomUUID(), new Date())).toEqual([]);
  });
});
