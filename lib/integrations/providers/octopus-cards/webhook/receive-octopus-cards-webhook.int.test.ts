import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webhookReceipts } from "@/drizzle/schema";
import { orders, walletMovements } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { placeOrder, type OrderDeps, type PlaceOrderInput } from "@/lib/domain/orders/place-order";
import { startHarness, usd, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { signOctopusCardsWebhook } from "@/lib/integrations/providers/octopus-cards/webhook-signature";
import { sandboxNow } from "@/lib/integrations/sandbox/testing";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import { receiveOctopusCardsWebhook, type OctopusCardsDelivery } from "./receive-octopus-cards-webhook";

const secret = sandboxCredentials.octopusCards.webhookSecret;

function delivery(
  type: string,
  data: Record<string, unknown>,
  overrides: Partial<OctopusCardsDelivery> = {},
  at = new Date(),
): OctopusCardsDelivery {
  const id = `evt_${crypto.randomUUID().replace(/-/g, "")}`;
  const rawBody = JSON.stringify({ id, type, created_at: at.toISOString(), data });
  return {
    rawBody,
    signature: signOctopusCardsWebhook(rawBody, secret),
    timestamp: String(Math.floor(at.getTime() / 1000)),
    eventId: id,
    headers: { "x-event-type": type },
    ...overrides,
  };
}

describe(`Octopus Cards webhook receiver [${testDatabaseKind}]`, () => {
  let h: Harness;
  let deps: OrderDeps;
  let merchant: AuditActor;
  const db = () => h.database.db;
  const orderOf = async (id: string) => (await db().select().from(orders).where(eq(orders.id, id)))[0];
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

  beforeAll(async () => {
    h = await startHarness();
    deps = { db: h.database.db, client: h.client, now: () => new Date() };
    merchant = actorOf(await makeUser(h.database.db, "merchant"));
    await ensureWalletsInLedger(db(), h.client);
  }, 180_000);
  afterAll(async () => h?.close());

  it("rejects a bad, missing or stale signature with a receipt and changes nothing", async () => {
    const good = delivery("order.failed", { id: 1 });
    expect(await receiveOctopusCardsWebhook(deps, { ...good, signature: "0".repeat(64) }, secret)).toMatchObject({
      httpStatus: 401,
      outcome: "rejected",
      detail: "signature bad signature",
    });
    expect(await receiveOctopusCardsWebhook(deps, { ...good, signature: null }, secret)).toMatchObject({
      httpStatus: 401,
      detail: "signature missing signature",
    });
    expect(await receiveOctopusCardsWebhook(deps, { ...good, rawBody: `${good.rawBody} ` }, secret)).toMatchObject({
      httpStatus: 401,
    });
    const stale = delivery("order.failed", { id: 1 }, {}, new Date(Date.now() - 10 * 60_000));
    expect(await receiveOctopusCardsWebhook(deps, stale, secret)).toMatchObject({
      httpStatus: 401,
      detail: "signature stale timestamp",
    });
    const receipts = await db().select().from(webhookReceipts).where(eq(webhookReceipts.provider, "octopus-cards"));
    expect(receipts.map((r) => [r.outcome, r.signature, r.isFirst])).toEqual([
      ["rejected", "invalid", false],
      ["rejected", "missing", false],
      ["rejected", "invalid", false],
      ["rejected", "invalid", false],
    ]);
  });

  it("applies order.failed by re-fetching the order: failed, refunded once; a duplicate is only recorded", async () => {
    const placed = await placeOrder(deps, merchant, await voucher(`SIM_FAIL_OPERATOR_REJECTED-${crypto.randomUUID()}`));
    expect(placed.order.status).toBe("pending");
    await h.advance({ minutes: 3 });
    // The event body claims nothing we trust; the provider is asked again.
    const event = delivery("order.failed", {
      id: placed.order.providerOrderId,
      client_reference: placed.order.clientReference,
      status: "FAILED",
    });
    expect(await receiveOctopusCardsWebhook(deps, event, secret)).toMatchObject({
      httpStatus: 200,
      outcome: "applied",
    });
    expect(await orderOf(placed.order.id)).toMatchObject({
      status: "failed",
      failureCode: "OPERATOR_REJECTED",
      isUserFixable: false,
    });
    expect(await receiveOctopusCardsWebhook(deps, event, secret)).toMatchObject({
      httpStatus: 200,
      outcome: "duplicate",
    });
    // Concurrent deliveries of one event: one applies, the other is a duplicate.
    const again = delivery("order.failed", {
      id: placed.order.providerOrderId,
      client_reference: placed.order.clientReference,
    });
    const results = await Promise.all([
      receiveOctopusCardsWebhook(deps, again, secret),
      receiveOctopusCardsWebhook(deps, again, secret),
    ]);
    expect(results.map((r) => r.outcome).sort()).toEqual(["applied", "duplicate"]);
    const kinds = (await db().select().from(walletMovements).where(eq(walletMovements.orderId, placed.order.id))).map(
      (m) => m.kind,
    );
    expect(kinds).toEqual(["order_debit", "order_refund"]);
    const firsts = await db()
      .select()
      .from(webhookReceipts)
      .where(and(eq(webhookReceipts.eventId, event.eventId ?? ""), eq(webhookReceipts.isFirst, true)));
    expect(firsts).toHaveLength(1);
  });

  it("an out-of-order event cannot move an order backwards (the provider's current state wins)", async () => {
    const placed = await placeOrder(deps, merchant, await voucher(`ORD-${crypto.randomUUID()}`));
    await h.advance({ minutes: 3 });
    const delivered = await receiveOctopusCardsWebhook(
      deps,
      delivery("order.delivered", { id: placed.order.providerOrderId, client_reference: placed.order.clientReference }),
      secret,
    );
    expect(delivered.outcome).toBe("applied");
    expect((await orderOf(placed.order.id))?.status).toBe("delivered");
    // A late "failed" claim for the delivered order: re-fetched, still delivered; no refund.
    const late = await receiveOctopusCardsWebhook(
      deps,
      delivery("order.failed", {
        id: placed.order.providerOrderId,
        client_reference: placed.order.clientReference,
        status: "FAILED",
      }),
      secret,
    );
    expect(late).toMatchObject({ httpStatus: 200, outcome: "applied", detail: expect.stringContaining("same") });
    expect((await orderOf(placed.order.id))?.status).toBe("delivered");
    const kinds = (await db().select().from(walletMovements).where(eq(walletMovements.orderId, placed.order.id))).map(
      (m) => m.kind,
    );
    expect(kinds).toEqual(["order_debit"]);
  });

  it("wallet.* and unknown orders are recorded, never booked", async () => {
    const before = await db().select().from(walletMovements);
    expect(
      await receiveOctopusCardsWebhook(
        deps,
        delivery("wallet.credited", { id: 999, amount: 100, remarks: "top-up" }),
        secret,
      ),
    ).toMatchObject({ outcome: "ignored" });
    expect(
      await receiveOctopusCardsWebhook(
        deps,
        delivery("order.delivered", { id: 987654, client_reference: "not-ours" }),
        secret,
      ),
    ).toMatchObject({ outcome: "ignored", detail: "not an order of ours" });
    expect(
      await receiveOctopusCardsWebhook(deps, delivery("order.delivered", { id: 1 }, { eventId: "evt_other" }), secret),
    ).toMatchObject({ httpStatus: 400, outcome: "rejected" });
    expect(await db().select().from(walletMovements)).toHaveLength(before.length);
  });

  it("X-Timestamp is checked on the sandbox clock in sandbox mode and on real time live, so a clock advance does not make every event stale", async () => {
    const sandboxMode: OrderDeps = { ...deps, providerNow: () => sandboxNow(db()) };
    await h.advance({ minutes: 10 });
    const sandboxTime = await sandboxNow(db());
    const stampedOnSandboxClock = () =>
      delivery("wallet.credited", { id: 998, amount: 100, remarks: "top-up" }, {}, sandboxTime);
    expect(await receiveOctopusCardsWebhook(sandboxMode, stampedOnSandboxClock(), secret)).toMatchObject({
      httpStatus: 200,
      outcome: "ignored",
    });
    expect(
      await receiveOctopusCardsWebhook(sandboxMode, delivery("wallet.credited", { id: 997 }), secret),
    ).toMatchObject({ httpStatus: 401, detail: "signature stale timestamp" });
    // Live mode keeps real time: the same sandbox-stamped event is refused, a real-time one is taken.
    expect(await receiveOctopusCardsWebhook(deps, stampedOnSandboxClock(), secret)).toMatchObject({
      httpStatus: 401,
      detail: "signature stale timestamp",
    });
    expect(await receiveOctopusCardsWebhook(deps, delivery("wallet.credited", { id: 996 }), secret)).toMatchObject({
      httpStatus: 200,
      outcome: "ignored",
    });
  });
});
