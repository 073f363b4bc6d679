import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders, walletBalances, walletMovements } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { hkd, startHarness, usd, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import type { OrderDeps } from "./place-order";
import { effectiveClientReference } from "./place-order-input";
import { confirmOrder, quoteOrder, type ConfirmOrderInput } from "./quote-order";
import { mintQuoteReference, orderForQuoteReference } from "./quote-reference";
import { walletStandings } from "./wallet/wallet-standing";
import { setLowBalanceThreshold } from "@/lib/domain/wallet/low-balance-threshold";

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
    expect(await db().select().from(walletMovements).where(eq(walletMovements.orderId, first.order.id))).toHaveLength(
      1,
    );
  });

  it("refuses a confirmed total that is not the server's quote, and orders nothing", async () => {
    const selection = voucher();
    const quote = await quoteOrder(h.client, selection);
    const tampered = { ...quote.totalPayable, minor: quote.totalPayable.minor - 100n };
    await expect(confirmOrder(deps, merchant, { ...selection, confirmedCharge: tampered })).rejects.toMatchObject({
      code: "CONFLICT",
      userMessage: expect.stringContaining("The price changed; confirm the new quote") as unknown,
    });
    expect(await db().select().from(orders).where(eq(orders.clientReference, selection.clientReference))).toEqual([]);
  });

  it("checks topup input fields against the product's definitions before anything is debited", async () => {
    const selection = voucher({
      vertical: "topup",
      productId: 5101,
      productName: "CSL Hong Kong",
      variantId: 71,
      faceValue: hkd("100"),
      walletId: 2,
      inputData: { phone_number: "hello" },
    });
    const quote = await quoteOrder(h.client, selection);
    await expect(
      confirmOrder(deps, merchant, { ...selection, confirmedCharge: quote.totalPayable }),
    ).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
      options: {
        fieldErrors: {
          "input.phone_number": [
            "must be a Hong Kong number such as 5123 4567, or with the country code, such as +852 5123 4567",
          ],
        },
      },
    });
    // A national number is read in the product's country and sent in E.164.
    const placed = await confirmOrder(deps, merchant, {
      ...selection,
      inputData: { phone_number: "5123 4567" },
      confirmedCharge: quote.totalPayable,
    });
    expect(placed.order).toMatchObject({
      vertical: "topup",
      chargeCurrency: "HKD",
      details: { inputData: { phone_number: "+85251234567" } },
    });
  });

  it("finds a quote's order by its reference, with or without a sandbox outcome prefix, and nothing before it is confirmed", async () => {
    for (const sandboxOutcome of [undefined, "SIM_PENDING"]) {
      const reference = mintQuoteReference();
      expect(await orderForQuoteReference(db(), reference)).toBeUndefined();
      const selection = voucher({
        clientReference: effectiveClientReference({ clientReference: reference, sandboxOutcome }, true),
      });
      const quote = await quoteOrder(h.client, selection);
      const placed = await confirmOrder(deps, merchant, { ...selection, confirmedCharge: quote.totalPayable });
      expect(await orderForQuoteReference(db(), reference)).toMatchObject({ id: placed.order.id });
    }
  });

  it("never matches a reference of another shape (no LIKE patterns)", async () => {
    expect(await orderForQuoteReference(db(), "%")).toBeUndefined();
    expect(await orderForQuoteReference(db(), "ORD-%")).toBeUndefined();
  });

  it("shows each wallet's ledger balance before Pay, low once under its currency's threshold", async () => {
    const wallets = await h.client.listWallets();
    const before = await walletStandings(db(), wallets.items);
    const hkdWallet = before.get(2);
    expect(hkdWallet).toMatchObject({ balance: { currency: "HKD" }, lowThreshold: null, low: false });
    const [ledgerHkd] = await db().select().from(walletBalances).where(eq(walletBalances.walletId, 2));
    expect(hkdWallet?.balance.minor).toBe(ledgerHkd?.balanceMinor);
    await setLowBalanceThreshold(db(), merchant, { currency: "HKD", amount: "999999.00" });
    expect((await walletStandings(db(), wallets.items)).get(2)).toMatchObject({
      lowThreshold: { minor: 99_999_900n, currency: "HKD" },
      low: true,
    });
    expect((await walletStandings(db(), wallets.items)).get(1)).toMatchObject({ low: false });
  });
});
