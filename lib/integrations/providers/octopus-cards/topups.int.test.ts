import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hkd, rawLogin, startHarness, usd, type Harness } from "./test-harness";
import type { Money } from "./types";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const pubg = { productId: 4218, amount: usd("4.99"), inputData: { player_id: "5123456789", server: "asia" } };
const inr = (major: string): Money => ({ minor: BigInt(Math.round(Number(major) * 100)), currency: "INR" });

describe("Octopus Cards topups through the client", () => {
  it("lists products (per_page paging, type filter), details with input_fields, and variants", async () => {
    const mobile = await h.client.listTopupProducts({ type: "MOBILE", perPage: 2 });
    expect(mobile.page).toMatchObject({ perPage: 2, pageSize: 2, totalCount: 5, hasMore: true });
    expect(mobile.items.every((p) => p.type === "MOBILE")).toBe(true);
    const product = await h.client.getTopupProduct(4218);
    expect(product.inputFields?.map((f) => f.name)).toEqual(["player_id", "server"]);
    const variants = await h.client.listTopupVariants(5101);
    expect(variants.items.map((v) => v.category).sort()).toEqual(["Airtime", "Data"]);
    const range = variants.items.find((v) => v.category === "Airtime");
    expect(range).toMatchObject({ fixedAmounts: null, min: hkd("10"), max: hkd("500") });
    expect((await h.client.getTopupVariant(61)).fixedAmounts?.[1]).toEqual(usd("4.99"));
  });

  it("looks operators up by E.164 prefix, best guess first", async () => {
    const hk = await h.client.lookupOperator("+85251234567");
    expect(hk[0]).toMatchObject({ productId: 5101, countryCode: "HKG", identified: true });
    expect(hk.slice(1).every((g) => !g.identified)).toBe(true);
    expect((await h.client.lookupOperator("+918879685100"))[0]).toMatchObject({ productId: 5201, countryCode: "IND" });
    expect((await h.client.lookupOperator("+12025550123"))[0]).toMatchObject({ productId: 5301, countryCode: "USA" });
    expect(await h.client.lookupOperator("+4915112345678")).toEqual([]);
    const missing = await h.raw("POST", "/api/v1/topups/lookup", { token: (await rawLogin(h)).access_token, body: {} });
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({
      error: { name: "ValidationException", code: "VALIDATION_FAILURE", message: "mobile_number is required" },
    });
  });

  it("quotes a topup, with FX when paying from another currency's wallet", async () => {
    const quote = await h.client.quoteTopup({ productId: 4218, amount: usd("9.99") });
    expect(quote).toMatchObject({
      nonDiscountedTotal: usd("9.99"),
      discountAmount: usd("0.5"),
      totalPayable: usd("9.49"),
      maxQuantity: null,
    });
    const fx = await h.client.quoteTopup({ productId: 5201, amount: inr("830") });
    expect(fx.totalAmount).toEqual(inr("805.1"));
    expect(fx.netAmount).toEqual(usd("9.7"));
    expect(fx.conversionFee).toEqual(usd("0.1"));
    expect(fx.totalPayable).toEqual(usd("9.8"));
  });

  it("creates an order 201 PENDING that is DELIVERED after 5 s of sandbox time", async () => {
    const created = await h.client.createTopupOrder({ ...pubg, clientReference: "T-HAPPY-1" });
    expect(created).toMatchObject({
      status: "PENDING",
      amount: usd("4.74"),
      requested: usd("4.99"),
      variantName: "UC packs",
      completedAt: null,
    });
    await h.advance({ seconds: 2 });
    expect((await h.client.getTopupOrder(created.id)).status).toBe("PENDING");
    await h.advance({ seconds: 4 });
    const delivered = await h.client.getTopupOrder(created.id);
    expect(delivered).toMatchObject({ status: "DELIVERED", statusText: "Top-up delivered", failure: null });
    expect(delivered.completedAt).toBeInstanceOf(Date);
    const mobile = await h.client.createTopupOrder({
      productId: 5101,
      amount: hkd("100"),
      inputData: { phone_number: "+85251234567" },
      category: "Airtime",
    });
    expect(mobile).toMatchObject({ amount: hkd("98"), walletId: 2 });
    const withEmail = await h.client.setTopupNotificationEmail(mobile.id, "ops@example.com");
    expect(withEmail.notificationEmail).toBe("ops@example.com");
  });

  it("rejects extra input_data keys, missing required keys and amounts no variant covers", async () => {
    const extra = await h.client
      .createTopupOrder({ ...pubg, inputData: { ...pubg.inputData, zone: "1" } })
      .catch((e: unknown) => e);
    expect(extra).toMatchObject({ httpStatus: 400, code: "VALIDATION_FAILURE" });
    const missing = await h.client
      .createTopupOrder({ ...pubg, inputData: { player_id: "5123456789" } })
      .catch((e: unknown) => e);
    expect(missing).toMatchObject({ httpStatus: 400, code: "VALIDATION_FAILURE" });
    const badPhone = await h.client
      .createTopupOrder({ productId: 5301, amount: usd("10"), inputData: { phone_number: "555-1234" } })
      .catch((e: unknown) => e);
    expect(badPhone).toMatchObject({ httpStatus: 400, code: "VALIDATION_FAILURE" });
    const noVariant = await h.client.createTopupOrder({ ...pubg, amount: usd("5") }).catch((e: unknown) => e);
    expect(noVariant).toMatchObject({ httpStatus: 400, code: "VALIDATION_FAILURE" });
  });

  it.each([
    ["INVALID_RECIPIENT", true],
    ["PLAN_UNAVAILABLE", true],
    ["AMOUNT_OUT_OF_RANGE", true],
    ["OPERATOR_REJECTED", false],
    ["RECOVERY_EXHAUSTED", false],
  ] as const)("SIM_FAIL_%s: debited, PENDING, then FAILED after 5 s and auto-refunded", async (code, fixable) => {
    const before = await h.client.getWallet(1);
    const order = await h.client.createTopupOrder({ ...pubg, clientReference: `SIM_FAIL_${code}-1` });
    expect(order.status).toBe("PENDING");
    expect((await h.client.getWallet(1)).balance.minor).toBe(before.balance.minor - 474n);
    await h.advance({ seconds: 6 });
    const failed = await h.client.getTopupOrder(order.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.failure).toEqual({ code, reason: expect.any(String), isUserFixable: fixable });
    expect((await h.client.getWallet(1)).balance).toEqual(before.balance);
    const credits = (await h.client.listTransactions({ walletId: 1, type: "CREDIT", limit: 100 })).items;
    expect(
      credits.filter((c) => c.remarks === `USD Wallet credited by amount 4.74 - Refund for order #${order.id}`),
    ).toHaveLength(1);
  });

  it("SIM_PENDING stays PENDING until 10 minutes have passed; SIM_SLOW delivers after 3 minutes", async () => {
    const pending = await h.client.createTopupOrder({ ...pubg, clientReference: "SIM_PENDING-1" });
    const slow = await h.client.createTopupOrder({ ...pubg, clientReference: "SIM_SLOW-1" });
    await h.advance({ minutes: 2 });
    expect((await h.client.getTopupOrder(slow.id)).status).toBe("PENDING");
    await h.advance({ minutes: 1, seconds: 5 });
    expect((await h.client.getTopupOrder(slow.id)).status).toBe("DELIVERED");
    await h.advance({ minutes: 6 });
    expect((await h.client.getTopupOrder(pending.id)).status).toBe("PENDING");
    await h.advance({ minutes: 1 });
    expect((await h.client.getTopupOrder(pending.id)).status).toBe("DELIVERED");
  });
});
