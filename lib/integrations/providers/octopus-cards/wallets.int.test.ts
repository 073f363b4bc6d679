import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDuplicateClientReference, isInsufficientBalance } from "./errors";
import { hkd, startHarness, usd, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("Octopus Cards wallets, transactions and client_reference rules", () => {
  it("starts with the seeded PREPAID wallets USD 5,000.00 (id 1) and HKD 20,000.00 (id 2)", async () => {
    const wallets = await h.client.listWallets();
    expect(wallets.items).toEqual([
      { id: 1, currencyId: 1, balance: usd("5000"), type: "PREPAID" },
      { id: 2, currencyId: 2, balance: hkd("20000"), type: "PREPAID" },
    ]);
    expect(wallets.page).toMatchObject({ totalCount: 2, hasMore: false });
    expect(await h.client.getWallet(2)).toEqual(wallets.items[1]);
    expect((await h.client.getWallet(3).catch((e: unknown) => e)) as object).toMatchObject({
      httpStatus: 404,
      code: "NOT_FOUND",
    });
  });

  it("rejects a duplicate client_reference with no second order and no second debit", async () => {
    const first = await h.client.createVoucherOrder({
      productId: 129,
      denomination: usd("25"),
      quantity: 1,
      clientReference: "DUP-1",
    });
    const debitsBefore = (await h.client.listTransactions({ type: "DEBIT", limit: 1000 })).page.totalCount;
    const duplicate = await h.client
      .createVoucherOrder({ productId: 129, denomination: usd("25"), quantity: 1, clientReference: "DUP-1" })
      .catch((e: unknown) => e);
    expect(isDuplicateClientReference(duplicate)).toBe(true);
    expect(duplicate).toMatchObject({
      httpStatus: 400,
      name: "BadRequestError",
      code: "BAD_REQUEST",
      message: "Duplicate client_reference",
      outcome: "rejected",
    });
    // The reference is unique per client, across verticals.
    const crossVertical = await h.client
      .createTopupOrder({
        productId: 4218,
        amount: usd("0.99"),
        inputData: { player_id: "123456", server: "eu" },
        clientReference: "DUP-1",
      })
      .catch((e: unknown) => e);
    expect(isDuplicateClientReference(crossVertical)).toBe(true);
    expect((await h.client.listVoucherOrders({ clientReference: "DUP-1" })).items.map((o) => o.id)).toEqual([first.id]);
    expect((await h.client.listTransactions({ type: "DEBIT", limit: 1000 })).page.totalCount).toBe(debitsBefore);
  });

  it("lets exactly one of two concurrent identical creates through", async () => {
    const before = await h.client.getWallet(1);
    const input = {
      productId: 4218,
      amount: usd("9.99"),
      inputData: { player_id: "5123456789", server: "asia" },
      clientReference: "RACE-1",
    };
    const results = await Promise.allSettled([h.client.createTopupOrder(input), h.client.createTopupOrder(input)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(isDuplicateClientReference(rejected?.reason)).toBe(true);
    expect((await h.client.listTopupOrders({ clientReference: "RACE-1" })).items).toHaveLength(1);
    expect((await h.client.getWallet(1)).balance.minor).toBe(before.balance.minor - 949n);
  });

  it("refuses an order the wallet cannot pay: 400 INSUFFICIENT_BALANCE, no order, no debit", async () => {
    const before = await h.client.getWallet(1);
    const orders = (await h.client.listVoucherOrders()).page.totalCount;
    const error = await h.client
      .createVoucherOrder({ productId: 126, denomination: usd("500"), quantity: 20, clientReference: "TOO-MUCH" })
      .catch((e: unknown) => e);
    expect(isInsufficientBalance(error)).toBe(true);
    expect(error).toMatchObject({
      httpStatus: 400,
      name: "BadRequestError",
      message: "Insufficient wallet balance",
      outcome: "rejected",
    });
    expect((await h.client.getWallet(1)).balance).toEqual(before.balance);
    expect((await h.client.listVoucherOrders()).page.totalCount).toBe(orders);
    expect(await h.client.findOrderByClientReference("vouchers", "TOO-MUCH")).toBeNull();
  });

  it("debits the chosen wallet in its own currency (FX) and keeps balance = seed − debits + credits", async () => {
    const order = await h.client.createVoucherOrder({
      productId: 123,
      denomination: usd("10"),
      quantity: 1,
      walletId: 2,
    });
    expect(order.deduction).toEqual(hkd("76.02")); // 9.65 USD × 7.80 = 75.27 HKD + 1% fee 0.75 (0.7527 rounded)
    const [fxDebit] = (await h.client.listTransactions({ walletId: 2, type: "DEBIT", limit: 1 })).items;
    expect(fxDebit).toMatchObject({
      amount: hkd("76.02"),
      sourceCurrency: "USD",
      forexRate: 7.8,
      conversionCharges: hkd("0.75"),
    });
    expect(fxDebit?.remarks).toBe(`HKD Wallet debited by amount 76.02 - Order #${order.id}`);
    await h.client.createTopupOrder({
      productId: 4218,
      amount: usd("4.99"),
      inputData: { player_id: "5123456789", server: "asia" },
      clientReference: "SIM_FAIL_INVALID_RECIPIENT-w",
    });
    await h.advance({ seconds: 6 });
    const transactions = (await h.client.listTransactions({ limit: 1000 })).items;
    expect(transactions.length).toBeGreaterThan(3);
    for (const [walletId, seed] of [
      [1, usd("5000")],
      [2, hkd("20000")],
    ] as const) {
      const mine = transactions.filter((t) => t.walletId === walletId);
      const net = mine.reduce((sum, t) => sum + (t.type === "CREDIT" ? t.amount.minor : -t.amount.minor), 0n);
      expect((await h.client.getWallet(walletId)).balance).toEqual({ ...seed, minor: seed.minor + net });
      expect(mine.every((t) => t.amount.currency === seed.currency && t.status === "COMPLETED")).toBe(true);
    }
    const only = await h.client.listTransactions({ walletId: 2 });
    expect(only.items.every((t) => t.walletId === 2)).toBe(true);
    const detail = await h.client.getTransaction(only.items[0]!.id);
    expect(detail).toEqual(only.items[0]);
  });

  it("serves reference data behind auth", async () => {
    expect((await h.client.getCountry(1)).iso3).toBe("USA");
    expect((await h.client.listCurrencies()).items.map((c) => c.code)).toContain("HKD");
    expect((await h.client.listCategories()).items.length).toBeGreaterThan(0);
    expect((await h.client.getSubcategory(1)).category_id).toBe(1);
  });
});
