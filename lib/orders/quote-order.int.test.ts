import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, walletBalances, walletMovements } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/audit/record-audit";
import { hkd, startHarness, usd, type Harness } from "@/lib/providers/octopus-cards/test-harness";
import { actorOf, makeUser } from "@/lib/testing/fixtures";
import { testDatabaseKind } from "@/lib/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/wallet/ensure-wallets";
import type { OrderDeps } from "./place-order";
import { confirmOrder, quoteOrder, type ConfirmOrderInput } from "./quote-order";

describe(`confirming a quoted order [${testDatabaseKind}]`, () => {
  let h: Harness;
  let deps: OrderDeps;
  let merchant: AuditActor;
  const db = () => h.database.db;

  beforeAll(async () => {
    h = await startHarness();
    deps = { db: h.database.db, client: h.client, now: () => new Date() };
    merchant = actorOf(await makeUser(h.database.db, "merchant"));
  }, 180_000);
  afterAll(async () => h?.close());

  const voucher = (overrides: Partial<ConfirmOrderInput> = {}): Omit<ConfirmOrderInput, "confirmedCharge"> => ({
    vertical: "voucher",
    clientReference: `ORD-${crypto.randomUUID()}`,
    productId: 123,
    productName: "Steam Wallet Card",
    quantity: 1,
    faceValue: usd("10"),
    walletId: 1,
    ...overrides,
  });

  it("opens unseen wallets in the ledger once, with the provider's balance", async () => {
    expect(await ensureWalletsInLedger(db(), h.client)).toEqual([1, 2]);
    expect(await ensureWalletsInLedger(db(), h.client)).toEqual([]);
    const balances = await db().select().from(walletBalances).orderBy(walletBalances.walletId);
    expect(balances.map((b) => [b.walletId, b.currency, b.balanceMinor])).toEqual([
      [1, "USD", 500_000n],
      [2, "HKD", 2_000_000n],
    ]);
  });

  it("places at the server's quote, and a second confirm of the same reference is a replay", async () => {
    const selection = voucher();
    const quote = await quoteOrder(h.client, selection);
    const first = await confirmOrder(deps, merchant, { ...selection, confirmedCharge: quote.totalPayable });
    expect(first.kind).toBe("placed");
    expect(first.order).toMatchObject({ chargeMinor: quote.totalPayable.minor, chargeCurrency: "USD" });
    const again = await confirmOrder(deps, merchant, { ...selection, confirmedCharge: quote.totalPayable });
    expect(again).toMatchObject({ kind: "replay", order: { id: first.order.id } });
    expect(await db().select().from(walletMovements).where(eq(walletMovements.orderId, first.order.id))).toHaveLength(1);
  });

  it("refuses a confirmed total that is not the server's quote, and orders nothing", async () => {
    const selection = voucher();
    const quote = await quoteOrder(h.client, selection);
    const tampered = { ...quote.totalPayable, minor: quote.totalPayable.minor - 100n };
    await expect(confirmOrder(deps, merchant, { ...selection, confirmedCharge: tampered })).rejects.toMatchObject({ code: "CONFLICT", userMessage: expect.stringContaining("The price changed; confirm the new quote") as unknown });
    expect(await db().select().from(orders).where(eq(orders.clientReference, selection.clientReference))).toEqual([]);
  });

  it("checks topup input fields against the product's definitions before anything is debited", async () => {
    const selection = voucher({ vertical: "topup", productId: 5101, productName: "CSL Hong Kong", variantId: 71, faceValue: hkd("100"), walletId: 2, inputData: { phone_number: "51234567" } });
    const quote = await quoteOrder(h.client, selection);
    await expect(confirmOrder(deps, merchant, { ...selection, confirmedCharge: quote.totalPayable })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: { fieldErrors: { "input.phone_number": ["is not in the expected format"] } },
    });
    const placed = await confirmOrder(deps, merchant, { ...selection, inputData: { phone_number: "+85251234567" }, confirmedCharge: quote.totalPayable });
    expect(placed.order).toMatchObject({ vertical: "topup", chargeCurrency: "HKD", details: { inputData: { phone_number: "+85251234567" } } });
  });
});
