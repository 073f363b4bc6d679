import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import type { RefundStatus } from "../refund-status";
import { dueRefundChecksNow } from "./due-checks-now";

describe(`moving the sandbox clock makes watched refunds' next looks due [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  }, 120_000);
  afterAll(async () => t?.dispose());

  it("brings forward only refunds the reconciler still watches, and only looks planned for later", async () => {
    const now = new Date("2026-06-01T12:00:00.000Z");
    const later = new Date(now.getTime() + 6 * 3_600_000);
    const sooner = new Date(now.getTime() - 60_000);
    const [payment] = await t.db
      .insert(payments)
      .values({
        provider: "checkout",
        flow: "checkout_api",
        status: "captured",
        reference: `DUE-${crypto.randomUUID()}`,
        amountMinor: 10_000n,
        capturedMinor: 10_000n,
        refundReservedMinor: 4_000n,
        currency: "HKD",
      })
      .returning();
    const refund = async (status: RefundStatus, nextCheckAt: Date | null) => {
      const [row] = await t.db
        .insert(refunds)
        .values({
          paymentId: payment!.id,
          provider: "checkout",
          status,
          amountMinor: 1_000n,
          currency: "HKD",
          reason: "customer_request",
          idempotencyKey: crypto.randomUUID(),
          nextCheckAt,
        })
        .returning({ id: refunds.id });
      return row!.id;
    };
    const pendingLater = await refund("pending", later);
    const unknownLater = await refund("unknown", later);
    const pendingSooner = await refund("pending", sooner);
    const awaitingApproval = await refund("awaiting_approval", null);
    const approvedLater = await refund("approved", later);
    const nextCheckOf = async (id: string) =>
      (await t.db.select({ at: refunds.nextCheckAt }).from(refunds).where(eq(refunds.id, id)))[0]?.at ?? null;

    expect(await dueRefundChecksNow(t.db, now)).toBe(2);
    expect(await nextCheckOf(pendingLater)).toEqual(now);
    expect(await nextCheckOf(unknownLater)).toEqual(now);
    expect(await nextCheckOf(pendingSooner)).toEqual(sooner);
    expect(await nextCheckOf(awaitingApproval)).toBeNull();
    expect(await nextCheckOf(approvedLater)).toEqual(later);
  });
});
