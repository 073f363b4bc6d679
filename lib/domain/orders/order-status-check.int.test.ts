import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderEvents, orders, walletMovements } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { hkd, startHarness, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import { checkOrderIfDue } from "./order-status-check";
import { placeOrder, type OrderDeps } from "./place-order";

describe(`live order status checks [${testDatabaseKind}]`, () => {
  let h: Harness;
  let deps: OrderDeps;
  let merchant: AuditActor;
  let offsetMs = 0;
  const db = () => h.database.db;
  const orderRow = async (id: string) => (await db().select().from(orders).where(eq(orders.id, id)))[0]!;

  beforeAll(async () => {
    h = await startHarness();
    deps = { db: h.database.db, client: h.client, now: () => new Date(Date.now() + offsetMs) };
    merchant = actorOf(await makeUser(h.database.db, "merchant"));
    await ensureWalletsInLedger(h.database.db, h.client);
  }, 180_000);
  afterAll(async () => h?.close());

  const topup = async (prefix: string) => {
    const quote = await h.client.quoteTopup({ productId: 5101, amount: hkd("100"), walletId: 2, category: "Airtime" });
    return placeOrder(deps, merchant, {
      vertical: "topup",
      clientReference: `${prefix}${crypto.randomUUID()}`,
      productId: 5101,
      productName: "CSL",
      variantId: 71,
      quantity: 1,
      faceValue: hkd("100"),
      walletId: 2,
      quotedCharge: quote.totalPayable,
      inputData: { phone_number: "+85251234567" },
    });
  };

  it("follows a pending topup to delivered only when a check is due, with one timeline entry per change", async () => {
    const { order } = await topup("ORD-");
    expect(order.status).toBe("pending");
    expect(await checkOrderIfDue(deps, order.id)).toBe("not_due");
    offsetMs += 6_000;
    expect(await checkOrderIfDue(deps, order.id)).toBe("checked");
    // Not settled at the provider yet: only next_check_at moves, no timeline noise.
    const still = await orderRow(order.id);
    expect(still.status).toBe("pending");
    expect(still.nextCheckAt!.getTime()).toBeGreaterThan(Date.now() + offsetMs);
    await h.advance({ seconds: 10 });
    offsetMs += 6_000;
    const concurrent = await Promise.all([checkOrderIfDue(deps, order.id), checkOrderIfDue(deps, order.id)]);
    expect(concurrent.sort()).toEqual(["checked", "not_due"]);
    const done = await orderRow(order.id);
    expect(done).toMatchObject({ status: "delivered", nextCheckAt: null });
    const kinds = (
      await db().select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(orderEvents.id)
    ).map((e) => e.kind);
    expect(kinds).toEqual(["placed", "wallet_debited", "provider_answer", "polled"]);
    expect(await checkOrderIfDue(deps, order.id)).toBe("not_due");
  });

  it("a failing topup is refunded once when the check sees FAILED", async () => {
    const { order } = await topup("SIM_FAIL_INVALID_RECIPIENT-");
    await h.advance({ seconds: 10 });
    offsetMs += 6_000;
    await checkOrderIfDue(deps, order.id);
    expect(await orderRow(order.id)).toMatchObject({
      status: "failed",
      isUserFixable: true,
      failureCode: "INVALID_RECIPIENT",
    });
    const kinds = (await db().select().from(walletMovements).where(eq(walletMovements.orderId, order.id))).map(
      (m) => m.kind,
    );
    expect(kinds).toEqual(["order_debit", "order_refund"]);
  });
});
