import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, walletMovements } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { placeOrder, type OrderDeps, type PlaceOrderInput } from "@/lib/domain/orders/place-order";
import { startHarness, usd, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { failureCodes, type FailureCode, sandboxNow } from "@/lib/integrations/sandbox/testing";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import { formatMinor } from "@/lib/platform/money/convert";
import { ledgerInvariantViolations } from "@/lib/domain/wallet/wallet-ledger";
import { nextOrderCheckDelayMs } from "./order-check-schedule";
import { reconcileDueOrders } from "./reconcile-due-orders";

describe("order check schedule", () => {
  it("5 s ×12, then 30 s up to ~11 min, then every 10 min", () => {
    const delays = Array.from({ length: 40 }, (_, i) => nextOrderCheckDelayMs(i + 1));
    expect(delays.slice(0, 12).every((d) => d === 5_000)).toBe(true);
    expect(delays.slice(12, 32).every((d) => d === 30_000)).toBe(true);
    expect(delays.slice(32).every((d) => d === 600_000)).toBe(true);
    expect(delays.slice(0, 32).reduce((a, b) => a + b, 0)).toBe(11 * 60_000);
  });
});

describe(`sandbox triggers end to end through placeOrder + the order reconciler [${testDatabaseKind}]`, () => {
  let h: Harness;
  let deps: OrderDeps;
  let merchant: AuditActor;
  const db = () => h.database.db;
  const orderOf = async (id: string) => {
    const [row] = await db().select().from(orders).where(eq(orders.id, id));
    if (!row) throw new Error("order vanished");
    return row;
  };
  const movementKinds = async (id: string) =>
    (await db().select().from(walletMovements).where(eq(walletMovements.orderId, id)).orderBy(walletMovements.id)).map(
      (m) => m.kind,
    );
  const voucher = async (clientReference: string): Promise<PlaceOrderInput> => {
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
    };
  };
  const minutesFromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000);

  beforeAll(async () => {
    h = await startHarness();
    deps = { db: h.database.db, client: h.client, now: () => new Date() };
    merchant = actorOf(await makeUser(h.database.db, "merchant"));
    await ensureWalletsInLedger(db(), h.client);
  }, 180_000);
  afterAll(async () => h?.close());

  it("every failure code: pending, then failed with its reason and fixability, refunded once", async () => {
    const codes = Object.keys(failureCodes) as FailureCode[];
    const placed = await Promise.all(
      codes.map(async (code) => ({
        code,
        outcome: await placeOrder(deps, merchant, await voucher(`SIM_FAIL_${code}-${crypto.randomUUID()}`)),
      })),
    );
    for (const p of placed) expect(p.outcome.order.status).toBe("pending");
    await h.advance({ minutes: 1 });
    const run = await reconcileDueOrders(deps, { now: minutesFromNow(1) });
    expect(run.failed).toEqual([]);
    for (const { code, outcome } of placed) {
      const order = await orderOf(outcome.order.id);
      expect(order).toMatchObject({
        status: "failed",
        failureCode: code,
        isUserFixable: failureCodes[code].userFixable,
        nextCheckAt: null,
        leaseUntil: null,
      });
      expect(await movementKinds(order.id)).toEqual(["order_debit", "order_refund"]);
    }
    // Nothing is due any more; a second pass changes nothing.
    expect(
      (await reconcileDueOrders(deps, { now: minutesFromNow(30) })).checked.filter((c) =>
        placed.some((p) => p.outcome.order.id === c.orderId),
      ),
    ).toEqual([]);
    expect(await ledgerInvariantViolations(db())).toEqual([]);
  });

  it("SIM_PENDING stays pending on the back-off schedule, then delivers", async () => {
    const placed = await placeOrder(deps, merchant, await voucher(`SIM_PENDING-${crypto.randomUUID()}`));
    expect(placed.order.status).toBe("pending");
    const at = minutesFromNow(1);
    const first = await reconcileDueOrders(deps, { now: at });
    expect(first.checked.find((c) => c.orderId === placed.order.id)).toMatchObject({
      to: "pending",
      action: "still_pending",
    });
    expect(await orderOf(placed.order.id)).toMatchObject({
      checkAttempts: 1,
      nextCheckAt: new Date(at.getTime() + 5_000),
      leaseUntil: null,
    });
    await h.advance({ minutes: 11 });
    await reconcileDueOrders(deps, { now: minutesFromNow(12) });
    expect((await orderOf(placed.order.id)).status).toBe("delivered");
    expect(await movementKinds(placed.order.id)).toEqual(["order_debit"]);
  });

  it("SIM_CANCEL: cancelled and refunded", async () => {
    const placed = await placeOrder(deps, merchant, await voucher(`SIM_CANCEL-${crypto.randomUUID()}`));
    await h.advance({ minutes: 1 });
    await reconcileDueOrders(deps, { now: minutesFromNow(1) });
    expect((await orderOf(placed.order.id)).status).toBe("cancelled");
    expect(await movementKinds(placed.order.id)).toEqual(["order_debit", "order_refund"]);
  });

  it("a lost response: unknown, then found by client_reference (never ordered twice)", async () => {
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "lost_response",
      method: "POST",
      pathContains: "/api/v1/orders",
      count: 1,
    });
    const input = await voucher(`LOST-${crypto.randomUUID()}`);
    const placed = await placeOrder(deps, merchant, input);
    expect(placed.order.status).toBe("unknown");
    await reconcileDueOrders(deps, { now: minutesFromNow(1) });
    const order = await orderOf(placed.order.id);
    expect(["pending", "delivered"]).toContain(order.status);
    expect(order.providerOrderId).not.toBeNull();
    expect((await h.client.listVoucherOrders({ clientReference: input.clientReference })).items).toHaveLength(1);
    expect(await movementKinds(order.id)).toEqual(["order_debit"]);
  });

  it("a request that never reached the provider: its debit stays held for 24 hours on the sandbox clock, then is released with the reason", async () => {
    const sandboxDeps: OrderDeps = { ...deps, providerNow: () => sandboxNow(db()) };
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "http_503",
      method: "POST",
      pathContains: "/api/v1/orders",
      count: 1,
    });
    const placed = await placeOrder(sandboxDeps, merchant, await voucher(`NEVER-${crypto.randomUUID()}`));
    expect(placed.order.status).toBe("unknown");
    const soon = await reconcileDueOrders(sandboxDeps, { now: new Date(Date.now() + 20_000) });
    expect(soon.checked.find((c) => c.orderId === placed.order.id)).toMatchObject({
      to: "unknown",
      action: "not_found_waiting",
    });
    // Minutes later the provider could still act on the reference: the money stays reserved.
    const later = await reconcileDueOrders(sandboxDeps, { now: minutesFromNow(3) });
    expect(later.checked.find((c) => c.orderId === placed.order.id)).toMatchObject({
      to: "unknown",
      action: "not_found_waiting",
    });
    expect(await movementKinds(placed.order.id)).toEqual(["order_debit"]);

    await h.advance({ hours: 23, minutes: 59 });
    const almost = await reconcileDueOrders(sandboxDeps, { now: minutesFromNow(15) });
    expect(almost.checked.find((c) => c.orderId === placed.order.id)).toMatchObject({
      to: "unknown",
      action: "not_found_waiting",
    });
    await h.advance({ minutes: 2 });
    const released = await reconcileDueOrders(sandboxDeps, { now: minutesFromNow(30) });
    expect(released.checked.find((c) => c.orderId === placed.order.id)).toMatchObject({
      to: "failed",
      action: "not_found_released",
    });
    const order = await orderOf(placed.order.id);
    expect(order).toMatchObject({
      status: "failed",
      failureCode: "NOT_RECEIVED",
      nextCheckAt: null,
      refundedMinor: order.chargeMinor,
    });
    expect(order.failureReason).toBe(
      `Octopus Cards had no order with this reference 24 hours after we sent it, so it was never placed; the ${formatMinor(order.chargeMinor, "USD")} held for it is back in the wallet.`,
    );
    expect(order.failureReason).not.toMatch(/nothing was charged/i);
    expect(await movementKinds(placed.order.id)).toEqual(["order_debit", "order_debit_released"]);
    expect(await ledgerInvariantViolations(db())).toEqual([]);
  });

  it("the 24 hours count from when the order was sent by the sandbox clock, even after the clock was moved on earlier", async () => {
    const sandboxDeps: OrderDeps = { ...deps, providerNow: () => sandboxNow(db()) };
    await h.advance({ hours: 30 });
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "http_503",
      method: "POST",
      pathContains: "/api/v1/orders",
      count: 1,
    });
    const placed = await placeOrder(sandboxDeps, merchant, await voucher(`NEVER-${crypto.randomUUID()}`));
    const run = await reconcileDueOrders(sandboxDeps, { now: minutesFromNow(3) });
    expect(run.checked.find((c) => c.orderId === placed.order.id)).toMatchObject({
      to: "unknown",
      action: "not_found_waiting",
    });
    expect(await movementKinds(placed.order.id)).toEqual(["order_debit"]);
  });
});
