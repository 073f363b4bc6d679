import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { orders, walletBalances, walletMovements } from "@/drizzle/schema/orders";
import { usd } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { signOctopusCardsWebhook } from "@/lib/integrations/providers/octopus-cards/webhook-signature";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { reconcileWallet } from "@/lib/domain/wallet/reconcile-wallet";
import { receiveOctopusCardsWebhook } from "@/lib/integrations/providers/octopus-cards/webhook/receive-octopus-cards-webhook";
import { checkOrderIfDue } from "./order-status-check";
import { placeOrder, recordProviderOrder, type OrderDeps, type PlaceOrderInput } from "./place-order";
import { reconcileDueOrders } from "./reconcile/reconcile-due-orders";
import { useMerchantOrderHarness } from "./testing/merchant-order-harness";

const quantity = 4;

describe(`a partial delivery books its refund once, on every path [${testDatabaseKind}]`, () => {
  const world = useMerchantOrderHarness();
  const db = () => world.h.database.db;
  const later = (deps: OrderDeps, ms: number): OrderDeps => ({ ...deps, now: () => new Date(Date.now() + ms) });

  async function partialVoucher(): Promise<PlaceOrderInput> {
    const quote = await world.h.client.quoteVoucher(123, { denomination: usd("10"), quantity, walletId: 1 });
    return {
      vertical: "voucher",
      clientReference: `SIM_PARTIAL-${crypto.randomUUID()}`,
      productId: 123,
      productName: "Steam Wallet Card",
      quantity,
      faceValue: usd("10"),
      walletId: 1,
      quotedCharge: quote.totalPayable,
    };
  }

  /** The order ended partially delivered, its refund booked exactly once and mirrored in refunded_minor, and the wallet agrees with the provider. */
  async function expectRefundedOnce(orderId: string) {
    const [order] = await db().select().from(orders).where(eq(orders.id, orderId));
    expect(order).toMatchObject({ status: "partially_delivered", deliveredQuantity: quantity / 2, nextCheckAt: null });
    const returns = await db()
      .select()
      .from(walletMovements)
      .where(
        and(
          eq(walletMovements.orderId, orderId),
          inArray(walletMovements.kind, ["order_refund", "order_debit_released"]),
        ),
      );
    expect(returns).toHaveLength(1);
    expect(returns[0]?.providerTransactionId).not.toBeNull();
    expect(order?.refundedMinor).toBe(returns.reduce((sum, m) => sum + m.amountMinor, 0n));
    expect(order?.refundedMinor).toBeGreaterThan(0n);
    expect(order?.refundedMinor).toBeLessThan(order?.chargeMinor ?? 0n);
    const [ledger] = await db().select().from(walletBalances).where(eq(walletBalances.walletId, 1));
    if (!ledger) throw new Error("wallet 1 is not in the ledger");
    const reconciliation = await reconcileWallet(db(), world.h.client, ledger);
    expect(reconciliation.disagreements).toEqual([]);
    expect(reconciliation.balanceDifferenceMinor).toBe(0n);
  }

  it("the webhook: the provider's order and its refund are read first, then applied in one transaction", async () => {
    const placed = await placeOrder(world.deps, world.merchant, await partialVoucher());
    expect(placed.order.status).toBe("pending");
    await world.h.advance({ minutes: 5 });
    const secret = sandboxCredentials.octopusCards.webhookSecret;
    const deliver = async () => {
      const id = `evt_${crypto.randomUUID().replace(/-/g, "")}`;
      const rawBody = JSON.stringify({
        id,
        type: "order.partially_delivered",
        data: { id: placed.order.providerOrderId, client_reference: placed.order.clientReference },
      });
      const delivery = {
        rawBody,
        signature: signOctopusCardsWebhook(rawBody, secret),
        timestamp: String(Math.floor(Date.now() / 1000)),
        eventId: id,
        headers: {},
      };
      return receiveOctopusCardsWebhook(world.deps, delivery, secret);
    };
    expect(await deliver()).toMatchObject({ httpStatus: 200, outcome: "applied" });
    // The provider retries (a new event id each time here): nothing is booked twice.
    expect(await deliver()).toMatchObject({ httpStatus: 200, outcome: "applied" });
    await expectRefundedOnce(placed.order.id);
  });

  it("the live status check of an open order page", async () => {
    const placed = await placeOrder(world.deps, world.merchant, await partialVoucher());
    await world.h.advance({ minutes: 5 });
    expect(await checkOrderIfDue(later(world.deps, 10_000), placed.order.id)).toBe("checked");
    await expectRefundedOnce(placed.order.id);
  });

  it("the background reconciler", async () => {
    const placed = await placeOrder(world.deps, world.merchant, await partialVoucher());
    await world.h.advance({ minutes: 5 });
    const run = await reconcileDueOrders(world.deps, { now: new Date(Date.now() + 10_000) });
    expect(run.checked).toContainEqual(
      expect.objectContaining({ orderId: placed.order.id, to: "partially_delivered", action: "recorded" }),
    );
    await expectRefundedOnce(placed.order.id);
  });

  it("the create answer: a duplicate reference is looked up and recorded with its refund", async () => {
    const input = await partialVoucher();
    // Our earlier attempt reached the provider (and was settled there) before we heard back.
    await world.h.client.createVoucherOrder({
      clientReference: input.clientReference,
      walletId: 1,
      productId: 123,
      denomination: usd("10"),
      quantity,
    });
    await world.h.advance({ minutes: 5 });
    const placed = await placeOrder(world.deps, world.merchant, input);
    expect(placed.order.status).toBe("partially_delivered");
    await expectRefundedOnce(placed.order.id);
  });

  it("a refund the provider does not show yet keeps the order watched until it is booked, once", async () => {
    const placed = await placeOrder(world.deps, world.merchant, await partialVoucher());
    await world.h.advance({ minutes: 5 });
    const hidingRefunds: OrderDeps = {
      ...world.deps,
      client: {
        ...world.h.client,
        listTransactions: async (query) => {
          const page = await world.h.client.listTransactions(query);
          return { ...page, items: page.items.filter((t) => !/refund for order/i.test(t.remarks)) };
        },
      },
    };
    const first = await reconcileDueOrders(hidingRefunds, { now: new Date(Date.now() + 10_000) });
    expect(first.checked).toContainEqual(
      expect.objectContaining({ orderId: placed.order.id, to: "partially_delivered", action: "awaiting_refund" }),
    );
    const [waiting] = await db().select().from(orders).where(eq(orders.id, placed.order.id));
    expect(waiting).toMatchObject({ status: "partially_delivered", refundedMinor: 0n });
    expect(waiting?.nextCheckAt).not.toBeNull();

    const second = await reconcileDueOrders(world.deps, { now: new Date(Date.now() + 10 * 60_000) });
    expect(second.checked).toContainEqual(
      expect.objectContaining({ orderId: placed.order.id, from: "partially_delivered", action: "recorded" }),
    );
    await recordProviderOrder(
      world.deps,
      placed.order,
      await world.h.client.getVoucherOrder(placed.order.providerOrderId ?? 0),
      { source: "provider_poll", kind: "polled" },
    );
    const third = await reconcileDueOrders(world.deps, { now: new Date(Date.now() + 60 * 60_000) });
    expect(third.checked.map((c) => c.orderId)).not.toContain(placed.order.id);
    await expectRefundedOnce(placed.order.id);
  });
});
