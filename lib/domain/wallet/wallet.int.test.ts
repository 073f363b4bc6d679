import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditLog } from "@/drizzle/schema";
import { walletBalances } from "@/drizzle/schema/orders";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { placeOrder, recordProviderOrder, type OrderDeps, type PlaceOrderInput } from "@/lib/domain/orders/place-order";
import { startHarness, usd, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { testDatabaseKind } from "@/lib/tooling/testing/test-database";
import { ensureWalletsInLedger } from "./ensure-wallets";
import { lowBalanceThresholds, setLowBalanceThreshold } from "./low-balance-threshold";
import { recordWalletMovement } from "./record-movement";
import { providerOrderIdOf, reconcileWallet } from "./reconcile-wallet";
import { formatRunway, ledgerInvariantViolations, listWalletMovements, runwayOf } from "./wallet-ledger";

describe(`wallet ledger, reconciliation and runway [${testDatabaseKind}]`, () => {
  let h: Harness;
  let deps: OrderDeps;
  let merchant: AuditActor;
  let admin: AuditActor;
  const db = () => h.database.db;
  const ledger = async (walletId: number) => {
    const [row] = await db().select().from(walletBalances).where(eq(walletBalances.walletId, walletId));
    if (!row) throw new Error(`wallet ${walletId} not in the ledger`);
    return row;
  };
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

  beforeAll(async () => {
    h = await startHarness();
    deps = { db: h.database.db, client: h.client, now: () => new Date() };
    merchant = actorOf(await makeUser(h.database.db, "merchant"));
    admin = actorOf(await makeUser(h.database.db, "admin"));
  }, 180_000);
  afterAll(async () => h?.close());

  it("opens each provider wallet once, with the provider's balance", async () => {
    expect((await ensureWalletsInLedger(db(), h.client)).sort()).toEqual([1, 2]);
    expect(await ensureWalletsInLedger(db(), h.client)).toEqual([]);
    expect((await ledger(1)).balanceMinor).toBe(500_000n);
    expect((await ledger(2)).balanceMinor).toBe(2_000_000n);
    const { rows } = await listWalletMovements(db(), 1);
    expect(rows.map((r) => [r.kind, r.amountMinor, r.balanceAfterMinor])).toEqual([
      ["opening_balance", 500_000n, 500_000n],
    ]);
  });

  it("no spend yet: runway is —", async () => {
    const wallet = await ledger(2);
    const runway = await runwayOf(db(), 2, wallet.balanceMinor, new Date());
    expect(runway).toEqual({ spendMinor: 0n, runwayTenthsOfDay: null });
    expect(formatRunway(runway.runwayTenthsOfDay)).toBe("—");
  });

  it("orders that deliver and fail (refunded) reconcile with the provider's transactions", async () => {
    const delivered = await placeOrder(deps, merchant, await voucher(`ORD-${crypto.randomUUID()}`));
    const failed = await placeOrder(deps, merchant, await voucher(`SIM_FAIL_INVALID_RECIPIENT-${crypto.randomUUID()}`));
    const cancelled = await placeOrder(deps, merchant, await voucher(`SIM_CANCEL-${crypto.randomUUID()}`));
    await h.advance({ minutes: 3 });
    for (const placed of [delivered, failed, cancelled]) {
      await recordProviderOrder(deps, placed.order, await h.client.getVoucherOrder(placed.order.providerOrderId ?? 0), {
        source: "provider_poll",
        kind: "polled",
      });
    }
    const result = await reconcileWallet(db(), h.client, await ledger(1));
    expect(result.disagreements).toEqual([]);
    expect(result).toMatchObject({ balanceDifferenceMinor: 0n, inAgreement: true });
    expect(result.matched).toBeGreaterThanOrEqual(3);
    expect(await ledgerInvariantViolations(db())).toEqual([]);
  });

  it("runway = balance ÷ average daily spend of the last 30 days", async () => {
    const wallet = await ledger(1);
    const runway = await runwayOf(db(), 1, wallet.balanceMinor, new Date());
    expect(runway.spendMinor).toBe(500_000n - wallet.balanceMinor);
    expect(runway.spendMinor).toBeGreaterThan(0n);
    expect(runway.runwayTenthsOfDay).toBe((wallet.balanceMinor * 300n) / runway.spendMinor);
    expect(formatRunway(123n)).toBe("12.3 days");
  });

  it("flags theirs without ours, ours without theirs and the balance difference", async () => {
    // An order placed at the provider behind our back: debited there, not in our ledger.
    const quote = await h.client.quoteVoucher(123, { denomination: usd("10"), quantity: 1, walletId: 1 });
    const stray = await h.client.createVoucherOrder({
      clientReference: `STRAY-${crypto.randomUUID()}`,
      walletId: 1,
      productId: 123,
      denomination: usd("10"),
      quantity: 1,
    });
    // A credit in our ledger the provider never made.
    await db().transaction((tx) =>
      recordWalletMovement(tx, {
        walletId: 1,
        kind: "wallet_credit",
        amountMinor: 1_234n,
        at: new Date(),
        note: "test credit",
      }),
    );
    const result = await reconcileWallet(db(), h.client, await ledger(1));
    expect(result.inAgreement).toBe(false);
    expect(result.balanceDifferenceMinor).toBe(-quote.totalPayable.minor - 1_234n);
    const byIssue = Object.fromEntries(result.disagreements.map((d) => [d.issue, d]));
    expect(byIssue.theirs_without_ours).toMatchObject({
      direction: "debit",
      providerOrderId: stray.id,
      oursMinor: 0n,
      theirsMinor: quote.totalPayable.minor,
    });
    expect(byIssue.ours_without_theirs).toMatchObject({ direction: "credit", oursMinor: 1_234n, theirsMinor: 0n });
    expect(result.disagreements).toHaveLength(2);
  });

  it("a debit held for an order whose outcome we are still checking explains the difference instead of breaking the reconciliation", async () => {
    const before = await reconcileWallet(db(), h.client, await ledger(2));
    expect(before.inAgreement).toBe(true);
    const wallet2 = async (clientReference: string): Promise<PlaceOrderInput> => {
      const quote = await h.client.quoteVoucher(123, { denomination: usd("10"), quantity: 1, walletId: 2 });
      return { ...(await voucher(clientReference)), walletId: 2, quotedCharge: quote.totalPayable };
    };
    await h.control("POST", "/faults", {
      provider: "octopus-cards",
      kind: "http_503",
      method: "POST",
      pathContains: "/api/v1/orders",
      count: 1,
    });
    const placed = await placeOrder(deps, merchant, await wallet2(`NEVER-${crypto.randomUUID()}`));
    expect(placed.order.status).toBe("unknown");
    const result = await reconcileWallet(db(), h.client, await ledger(2));
    expect(result.held).toEqual({ minor: placed.order.chargeMinor, orderIds: [placed.order.id] });
    expect(result.balanceDifferenceMinor).toBe(placed.order.chargeMinor);
    expect(result).toMatchObject({ unexplainedDifferenceMinor: 0n, disagreements: [], inAgreement: true });
  });

  it("reads the provider's order number from its remarks", () => {
    expect(providerOrderIdOf("USD Wallet debited by amount 50.00 - Order #12345")).toBe(12345);
    expect(providerOrderIdOf("USD Wallet credited by amount 5.00 - Refund for order #77")).toBe(77);
    expect(providerOrderIdOf("Top-up by bank transfer")).toBeNull();
  });

  it("an admin sets a low-balance threshold per currency, audited", async () => {
    await setLowBalanceThreshold(db(), admin, { currency: "USD", amount: "4000.00" });
    await setLowBalanceThreshold(db(), admin, { currency: "USD", amount: "4500" });
    expect((await lowBalanceThresholds(db())).get("USD")?.amountMinor).toBe(450_000n);
    await expect(setLowBalanceThreshold(db(), admin, { currency: "JPY", amount: "1.5" })).rejects.toMatchObject({
      code: "VALIDATION_FAILED",
    });
    const audits = await db()
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, "wallet_low_balance_threshold.set"))
      .orderBy(auditLog.id);
    expect(audits.map((a) => a.after)).toEqual([{ amountMinor: "400000" }, { amountMinor: "450000" }]);
  });
});
