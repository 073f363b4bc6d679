import { and, eq, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments, refunds } from "@/drizzle/schema";
import { makeUser } from "@/lib/tooling/testing/fixtures";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { getPaymentDetail, getPaymentStatusSummary, parsePaymentId } from "./payment-detail";
import { transitionRefund } from "@/lib/domain/refunds/transition-refund";
import { paymentAmounts, refundableAfterApprovalsMinor } from "./refund-totals";

describe(`payment detail [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(async () => t.dispose());

  const changedAt = new Date("2025-04-02T08:30:00.000Z");

  async function insertPayment(values: Partial<typeof payments.$inferInsert> = {}) {
    const [row] = await t.db
      .insert(payments)
      .values({
        provider: "checkout",
        flow: "checkout_api",
        status: "pending",
        reference: "DETAIL-1",
        amountMinor: 9_007_199_254_740_993n,
        currency: "HKD",
        ...values,
      })
      .returning();
    return row!;
  }

  it("reads a payment with the user who created it", async () => {
    const creator = await makeUser(t.db, "finance");
    const created = await insertPayment({
      createdBy: creator.id,
      description: "Order 77",
      landingUrl: "https://pay.example/x",
    });
    const detail = await getPaymentDetail(t.db, created.id);
    expect(detail).toMatchObject({
      id: created.id,
      reference: "DETAIL-1",
      description: "Order 77",
      landingUrl: "https://pay.example/x",
      amountMinor: 9_007_199_254_740_993n,
      createdByUser: { email: creator.email, name: creator.name },
    });
  });

  it("has no creator for a payment first seen at the provider, and null for an unknown id", async () => {
    const created = await insertPayment({ flow: "external", createdBy: null });
    expect((await getPaymentDetail(t.db, created.id))?.createdByUser).toBeNull();
    expect(await getPaymentDetail(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
    expect(await getPaymentStatusSummary(t.db, "00000000-0000-4000-8000-000000000000")).toBeNull();
  });

  it("summarises the live status with exact amounts as strings", async () => {
    const pending = await insertPayment({
      statusChangedAt: changedAt,
      updatedAt: changedAt,
      providerStatus: "Pending",
    });
    expect(await getPaymentStatusSummary(t.db, pending.id)).toEqual({
      id: pending.id,
      status: "pending",
      providerStatus: "Pending",
      capturedMinor: "0",
      currency: "HKD",
      statusChangedAt: changedAt.toISOString(),
      updatedAt: changedAt.toISOString(),
      isFinal: false,
    });
    const captured = await insertPayment({ status: "captured", capturedMinor: 9_007_199_254_740_993n });
    expect(await getPaymentStatusSummary(t.db, captured.id)).toMatchObject({
      status: "captured",
      capturedMinor: "9007199254740993",
      isFinal: true,
    });
  });

  it("derives captured, refunded and still refundable amounts in one place", async () => {
    const captured = await insertPayment({ status: "captured", amountMinor: 5000n, capturedMinor: 5000n });
    expect(await paymentAmounts(t.db, captured)).toEqual({
      capturedMinor: 5000n,
      refundedMinor: 0n,
      inFlightMinor: 0n,
      refundableMinor: 5000n,
      awaitingApprovalMinor: 0n,
    });
    const pending = await insertPayment({ amountMinor: 5000n });
    expect(await paymentAmounts(t.db, pending)).toEqual({
      capturedMinor: 0n,
      refundedMinor: 0n,
      inFlightMinor: 0n,
      refundableMinor: 0n,
      awaitingApprovalMinor: 0n,
    });
  });

  it("counts approved refunds as refunded and every reserving refund against what is still refundable", async () => {
    const payment = await insertPayment({
      status: "captured",
      amountMinor: 10_000n,
      capturedMinor: 10_000n,
      refundReservedMinor: 7_000n,
    });
    const refund = (status: (typeof refunds.$inferInsert)["status"], amountMinor: bigint) => ({
      paymentId: payment.id,
      provider: "checkout" as const,
      status,
      amountMinor,
      currency: "HKD",
      reason: "customer_request" as const,
      idempotencyKey: crypto.randomUUID(),
    });
    // pending 2,000 (approved below) + pending 3,000 + unknown 2,000 reserve 7,000; declined and awaiting approval
    // reserve nothing, and the 500 awaiting approval is counted on its own (it would hold money if approved).
    const [toApprove] = await t.db
      .insert(refunds)
      .values([
        refund("pending", 2_000n),
        refund("pending", 3_000n),
        refund("unknown", 2_000n),
        refund("declined", 1_000n),
        refund("awaiting_approval", 500n),
      ])
      .returning({ id: refunds.id });
    // Approval goes through the one state machine, which keeps payments.refunded_minor (what the list and CSV read) with it.
    const approvedAt = new Date();
    await t.db.transaction((tx) =>
      transitionRefund(
        tx,
        toApprove!.id,
        "approved",
        { providerDecidedAt: approvedAt },
        { source: "provider_webhook", kind: "test_approval", at: approvedAt },
      ),
    );
    const reloaded = (await getPaymentDetail(t.db, payment.id))!;
    expect(reloaded.refundedMinor).toBe(2_000n);
    expect(await paymentAmounts(t.db, reloaded)).toEqual({
      capturedMinor: 10_000n,
      refundedMinor: 2_000n,
      inFlightMinor: 5_000n,
      refundableMinor: 3_000n,
      awaitingApprovalMinor: 500n,
    });
    const [approvedSum] = await t.db
      .select({ minor: sum(refunds.amountMinor) })
      .from(refunds)
      .where(and(eq(refunds.paymentId, payment.id), eq(refunds.status, "approved")));
    expect(BigInt(approvedSum!.minor!)).toBe(reloaded.refundedMinor);
    expect(refundableAfterApprovalsMinor(await paymentAmounts(t.db, reloaded))).toBe(2_500n);
    const other = await insertPayment({ status: "captured", amountMinor: 10_000n, capturedMinor: 10_000n });
    expect((await paymentAmounts(t.db, other)).refundedMinor).toBe(0n);
  });
});

describe("payment ids in URLs", () => {
  it("accepts any uuid-shaped id and refuses everything else before it reaches the database", () => {
    expect(parsePaymentId("0A1B2C3D-0000-4000-8000-000000000000")).toBe("0a1b2c3d-0000-4000-8000-000000000000");
    expect(parsePaymentId("00000000-0000-0000-0000-000000000000")).toBe("00000000-0000-0000-0000-000000000000");
    for (const bad of [
      "",
      "123",
      "pay_abc",
      "00000000-0000-4000-8000-00000000000",
      "00000000-0000-4000-8000-000000000000 ",
      "' or 1=1 --",
    ]) {
      expect(parsePaymentId(bad), bad).toBeNull();
    }
  });
});
