import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { alertOutbox } from "@/drizzle/schema/alerts";
import { orders, walletBalances } from "@/drizzle/schema/orders";
import { transitionOrder } from "@/lib/domain/orders/transition-order";
import { recordWalletMovement } from "@/lib/domain/wallet/record-movement";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";

const walletId = 903;

describe(`an order that failed for good raises its alert with the move [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.insert(walletBalances).values({ walletId, currency: "USD", balanceMinor: 0n });
    await t.db.transaction((tx) =>
      recordWalletMovement(tx, { walletId, kind: "opening_balance", amountMinor: 100_000n, at: new Date() }),
    );
  }, 120_000);
  afterAll(async () => t?.dispose());

  async function pendingOrder() {
    const [order] = await t.db
      .insert(orders)
      .values({
        vertical: "voucher",
        status: "pending",
        clientReference: `T-${crypto.randomUUID()}`,
        productId: 1,
        productName: "Steam HK$100",
        faceValueMinor: 10_000n,
        faceValueCurrency: "HKD",
        walletId,
        chargeMinor: 1_290n,
        chargeCurrency: "USD",
      })
      .returning();
    await t.db.transaction((tx) =>
      recordWalletMovement(tx, {
        walletId,
        kind: "order_debit",
        amountMinor: -1_290n,
        orderId: order!.id,
        at: new Date(),
      }),
    );
    return order!.id;
  }

  const fail = (orderId: string, isUserFixable: boolean | undefined, then?: () => void) =>
    t.db.transaction(async (tx) => {
      const at = new Date();
      const outcome = await transitionOrder(
        tx,
        orderId,
        "failed",
        { failureCode: "OUT_OF_STOCK", failureReason: "The product is out of stock.", isUserFixable },
        { source: "provider_webhook", kind: "test", at },
      );
      then?.();
      return outcome;
    });

  const alertsOf = (orderId: string) => t.db.select().from(alertOutbox).where(eq(alertOutbox.subjectId, orderId));

  it("raises once when the provider says the user cannot fix it, however often the failure is reported", async () => {
    const orderId = await pendingOrder();
    expect(await fail(orderId, false)).toBe("applied");
    expect(await fail(orderId, false)).toBe("same");
    expect(await alertsOf(orderId)).toEqual([
      expect.objectContaining({
        rule: "order_failed_not_fixable",
        dedupeKey: `order_failed_not_fixable:${orderId}`,
        title: "An order for Steam HK$100 ($12.90) failed, and editing it cannot fix it.",
        href: `/orders/${orderId}`,
      }),
    ]);
  });

  it("raises nothing for a failure the user can fix, or one the provider did not qualify", async () => {
    const fixable = await pendingOrder();
    await fail(fixable, true);
    const unqualified = await pendingOrder();
    await fail(unqualified, undefined);
    expect([...(await alertsOf(fixable)), ...(await alertsOf(unqualified))]).toEqual([]);
  });

  it("raises nothing when the move rolls back", async () => {
    const orderId = await pendingOrder();
    await expect(
      fail(orderId, false, () => {
        throw new Error("the caller failed after the move");
      }),
    ).rejects.toThrow("the caller failed");
    expect(await alertsOf(orderId)).toEqual([]);
    expect((await t.db.select().from(orders).where(eq(orders.id, orderId)))[0]?.status).toBe("pending");
  });
});
