import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { refundNeedsStepUp } from "./refund-needs-step-up";
import { setApprovalThreshold } from "./set-approval-threshold";
import { setApprovalThresholdInput } from "./decision-input";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { startRefundsHarness, type RefundsHarness } from "./testing/refunds-harness";

describe(`refund step-up rule [${testDatabaseKind}]`, () => {
  let h: RefundsHarness;
  beforeAll(async () => {
    h = await startRefundsHarness();
  });
  afterAll(async () => h?.close());

  const input = (paymentId: string, kind: "full" | "partial", amount?: string) => ({
    paymentId,
    kind,
    amount,
    reason: "customer_request" as const,
    note: undefined,
    idempotencyKey: crypto.randomUUID(),
  });

  it("asks only above the currency's approval threshold, for partial and full refunds, as issueRefund reads it", async () => {
    const payment = await h.capturedPayment("checkout_api", "12000.00");
    // HK$10,000.00 by default.
    expect(await refundNeedsStepUp(h.db, input(payment.id, "partial", "10000.00"))).toBe(false);
    expect(await refundNeedsStepUp(h.db, input(payment.id, "partial", "10000.10"))).toBe(true);
    expect(await refundNeedsStepUp(h.db, input(payment.id, "full"))).toBe(true);

    const admin = actorOf(await makeUser(h.db, "admin"));
    await setApprovalThreshold(h.db, admin, setApprovalThresholdInput.parse({ currency: "HKD", amount: "50" }));
    expect(await refundNeedsStepUp(h.db, input(payment.id, "partial", "60.00"))).toBe(true);
    expect(await refundNeedsStepUp(h.db, input(payment.id, "partial", "50.00"))).toBe(false);
  });

  it("leaves an unknown payment or an unreadable amount to issueRefund to refuse", async () => {
    expect(await refundNeedsStepUp(h.db, input("00000000-0000-4000-8000-000000000001", "full"))).toBe(false);
    const payment = await h.capturedPayment("checkout_api", "100.00");
    expect(await refundNeedsStepUp(h.db, input(payment.id, "partial", "1.234"))).toBe(false);
  });
});
