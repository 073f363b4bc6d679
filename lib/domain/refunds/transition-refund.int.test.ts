import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import type { RefundStatus } from "./refund-status";
import { insertPaymentWithPendingRefunds } from "./testing/pending-refund";
import { transitionRefund } from "./transition-refund";

describe(`a refund's status moves the payment's reserved and refunded amounts together [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  }, 120_000);
  afterAll(async () => t?.dispose());

  const paymentWithPendingRefunds = (...amounts: bigint[]) =>
    insertPaymentWithPendingRefunds(t.db, amounts, { capturedMinor: 10_000n });

  const move = (refundId: string, to: RefundStatus) => {
    const at = new Date();
    return t.db.transaction((tx) =>
      transitionRefund(tx, refundId, to, { providerDecidedAt: at }, { source: "provider_webhook", kind: "test", at }),
    );
  };

  async function amounts(paymentId: string) {
    const [row] = await t.db
      .select({ reserved: payments.refundReservedMinor, refunded: payments.refundedMinor })
      .from(payments)
      .where(eq(payments.id, paymentId));
    return row;
  }

  it("counts an approved refund as refunded, takes it back when Octopus expires it, and never counts a declined one", async () => {
    const { paymentId, refundIds } = await paymentWithPendingRefunds(2_000n, 3_000n);
    const [first, second] = refundIds as [string, string];
    expect(await amounts(paymentId)).toEqual({ reserved: 5_000n, refunded: 0n });

    await move(first, "approved");
    expect(await amounts(paymentId)).toEqual({ reserved: 5_000n, refunded: 2_000n });
    await move(first, "approved");
    expect(await amounts(paymentId)).toEqual({ reserved: 5_000n, refunded: 2_000n });

    await move(second, "declined");
    expect(await amounts(paymentId)).toEqual({ reserved: 2_000n, refunded: 2_000n });

    await move(first, "expired");
    expect(await amounts(paymentId)).toEqual({ reserved: 0n, refunded: 0n });
  });

  it("refuses, in the database, a refunded amount above what the payment reserves", async () => {
    const { paymentId } = await paymentWithPendingRefunds(1_000n);
    await expect(
      t.db.update(payments).set({ refundedMinor: 1_001n }).where(eq(payments.id, paymentId)),
    ).rejects.toThrow();
    expect(await amounts(paymentId)).toEqual({ reserved: 1_000n, refunded: 0n });
  });
});
