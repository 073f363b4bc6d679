import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orderEvents, orders, walletBalances, walletMovements } from "@/drizzle/schema/orders";
import { hkd, startHarness, usd, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { openWalletInLedger } from "@/lib/domain/wallet/record-movement";
import { placeOrder, recordProviderOrder, type OrderDeps, type PlaceOrderInput } from "./place-order";

describe(`placing orders against the wallet [${testDatabaseKind}]`, () => {
  let h: Harness;
  let deps: OrderDeps;
  let merchant: AuditActor;
  const db = () => h.database.db;
  const balanceOf = async (walletId: number) =>
    (await db().select().from(walletBalances).where(eq(walletBalances.walletId, walletId)))[0]?.balanceMinor;

  beforeAll(async () => {
    h = await startHarness();
    deps = { db: h.database.db, client: h.client, now: () => new Date() };
    merchant = actorOf(await makeUser(h.database.db, "merchant"));
    const wallets = await h.client.listWallets();
    await db().transaction(async (tx) => {
      for (const wallet of wallets.items)
        await openWalletInLedger(
          tx,
          { walletId: wallet.id, currency: wallet.balance.currency, balanceMinor: wallet.balance.minor },
          new Date(),
        );
    });
  }, 180_000);
  afterAll(async () => h?.close());

  const voucher = async (
    clientReference: string,
    overrides: Partial<PlaceOrderInput> = {},
  ): Promise<PlaceOrderInput> => {
    const quote = await h.client.quoteVoucher(123, { denomination: usd("10"), quantity: 1, walletId: 1 });
    return {
      vertical: "voucher",
      clientReference,
      productId: 123,
      productName: "Steam Wallet Card",
      quantity: 1,
      faceValue: usd("10"),
      walletId: 1,
      quotedCharge: quote.totalPayable,
      ...overrides,
    };
  };

  it("debits our ledger before the call, once per client_reference, and follows the provider's order", async () => {
    const before = await balanceOf(1);
    const input = await voucher(`ORD-${crypto.randomUUID()}`);
    const [first, second] = await Promise.all([placeOrder(deps, merchant, input), placeOrder(deps, merchant, input)]);
    expect([first.kind, second.kind].sort()).toEqual(["placed", "replay"]);
    const placed = first.kind === "placed" ? first.order : second.order;
    expect(placed.status === "delivered" || placed.status === "pending" || placed.status === "placing").toBe(true);
    expect(await balanceOf(1)).toBe((before ?? 0n) - input.quotedCharge.minor);
    const movements = await db().select().from(walletMovements).where(eq(walletMovements.orderId, placed.id));
    expect(movements.map((m) => [m.kind, m.amountMinor])).toEqual([["order_debit", -input.quotedCharge.minor]]);
  });

  it("a user-fixable failure: failed with the reason, the provider's automatic refund credited once", async () => {
    const before = await balanceOf(1);
    const placed = await placeOrder(deps, merchant, await voucher(`SIM_FAIL_INVALID_RECIPIENT-${crypto.randomUUID()}`));
    expect(placed.order).toMatchObject({
      status: "pending",
      providerOrderId: expect.any(Number),
      nextCheckAt: expect.any(Date),
    });
    // Vouchers fail after a while at the provider; a poll then sees it.
    await h.advance({ minutes: 2 });
    await recordProviderOrder(deps, placed.order, await h.client.getVoucherOrder(placed.order.providerOrderId ?? 0), {
      source: "provider_poll",
      kind: "polled",
    });
    const [order] = await db().select().from(orders).where(eq(orders.id, placed.order.id));
    if (!order) throw new Error("order vanished");
    expect(order).toMatchObject({
      status: "failed",
      failureCode: "INVALID_RECIPIENT",
      isUserFixable: true,
      nextCheckAt: null,
    });
    expect(await balanceOf(1)).toBe(before);
    const kinds = (await db().select().from(walletMovements).where(eq(walletMovements.orderId, order.id))).map(
      (m) => m.kind,
    );
    expect(kinds).toEqual(["order_debit", "order_refund"]);
    const events = (
      await db().select().from(orderEvents).where(eq(orderEvents.orderId, order.id)).orderBy(orderEvents.id)
    ).map((e) => e.kind);
    expect(events).toEqual(["placed", "wallet_debited", "provider_answer", "polled", "wallet_refunded"]);
  });

  it("a partly delivered order: the provider's refund of the rest is booked once, from its wallet transaction", async () => {
    const before = (await balanceOf(1)) ?? 0n;
    const quote = await h.client.quoteVoucher(123, { denomination: usd("10"), quantity: 2, walletId: 1 });
    const placed = await placeOrder(
      deps,
      merchant,
      await voucher(`SIM_PARTIAL-${crypto.randomUUID()}`, { quantity: 2, quotedCharge: quote.totalPayable }),
    );
    await h.advance({ minutes: 5 });
    const atProvider = await h.client.getVoucherOrder(placed.order.providerOrderId ?? 0);
    expect(atProvider.status).toBe("PARTIALLY_DELIVERED");
    await recordProviderOrder(deps, placed.order, atProvider, { source: "provider_poll", kind: "polled" });
    await recordProviderOrder(deps, placed.order, atProvider, { source: "provider_webhook", kind: "webhook" });
    const movements = await db()
      .select()
      .from(walletMovements)
      .where(eq(walletMovements.orderId, placed.order.id))
      .orderBy(walletMovements.id);
    expect(movements.map((m) => m.kind)).toEqual(["order_debit", "order_refund"]);
    const refunded = movements[1]?.amountMinor ?? 0n;
    expect(refunded).toBeGreaterThan(0n);
    expect(refunded).toBeLessThan(quote.totalPayable.minor);
    expect(await balanceOf(1)).toBe(before - quote.totalPayable.minor + refunded);
    const wallet = (await h.client.listWallets()).items.find((w) => w.id === 1);
    expect(await balanceOf(1)).toBeLessThanOrEqual(wallet?.balance.minor ?? 0n);
  });

  it("more than our balance is refused before the provider is called, with the shortfall", async () => {
    const balance = (await balanceOf(2)) ?? 0n;
    const input = await voucher(`ORD-${crypto.randomUUID()}`, { walletId: 2, quotedCharge: hkd("999999") });
    await expect(placeOrder(deps, merchant, input)).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      userMessage: expect.stringContaining("short by"),
    });
    expect(await balanceOf(2)).toBe(balance);
  });
});
