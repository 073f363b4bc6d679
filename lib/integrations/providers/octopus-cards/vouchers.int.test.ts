import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OctopusCardsError } from "./errors";
import { hkd, rawLogin, startHarness, usd, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("Octopus Cards vouchers through the client", () => {
  it("lists the catalogue with pagination headers and filters", async () => {
    const first = await h.client.listVoucherProducts({ limit: 5 });
    expect(first.items).toHaveLength(5);
    expect(first.page).toEqual({ page: 1, perPage: 5, totalCount: 12, totalPages: 3, pageSize: 5, hasMore: true });
    const last = await h.client.listVoucherProducts({ limit: 5, page: 3 });
    expect(last.page).toMatchObject({ page: 3, pageSize: 2, hasMore: false });
    const usOnly = await h.client.listVoucherProducts({ countryId: 1, limit: 100 });
    expect(usOnly.items.length).toBeGreaterThan(0);
    expect(usOnly.items.every((p) => p.currency === "USD")).toBe(true);
    const gaming = await h.client.listVoucherProducts({ category: "Gaming", limit: 100 });
    expect(gaming.items.every((p) => p.category === "Gaming")).toBe(true);

    const raw = await h.raw("GET", "/api/v1/products?limit=3", { token: (await rawLogin(h)).access_token });
    expect(Array.isArray(await raw.json())).toBe(true);
    for (const header of ["x-page", "x-per-page", "x-total-count", "x-total-pages", "x-page-size", "x-has-more"])
      expect(raw.headers.get(header)).not.toBeNull();
  });

  it("reads a product with fixed and range denominations in minor units", async () => {
    const steam = await h.client.getVoucherProduct(123);
    expect(steam).toMatchObject({ name: "Steam Wallet Card", currency: "USD" });
    expect(steam.denominations[0]).toEqual({ min: usd("10"), max: usd("10"), discountPercent: 3.5, fixed: true });
    const amazon = await h.client.getVoucherProduct(126);
    expect(amazon.denominations[0]?.fixed).toBe(false);
    const missing = await h.client.getVoucherProduct(999).catch((e: unknown) => e);
    expect(missing).toMatchObject({ httpStatus: 404, code: "NOT_FOUND", outcome: "rejected" });
  });

  it("quotes the documented example and a cross-currency quote with FX and a 1% fee", async () => {
    const quote = await h.client.quoteVoucher(123, { denomination: usd("50"), quantity: 5 });
    expect(quote).toMatchObject({
      nonDiscountedTotal: usd("250"),
      discountAmount: usd("8.75"),
      totalAmount: usd("241.25"),
      totalPayable: usd("241.25"),
      discountPercent: 3.5,
      forexRate: null,
      conversionFee: null,
      maxQuantity: 5000,
    });
    const fx = await h.client.quoteVoucher(123, { denomination: usd("50"), quantity: 5, walletId: 2 });
    expect(fx.forexRate).toBe(7.8);
    expect(fx.netAmount).toEqual(hkd("1881.75"));
    expect(fx.conversionFee).toEqual(hkd("18.82"));
    expect(fx.totalPayable).toEqual(hkd("1900.57"));
    const outside = await h.client.quoteVoucher(123, { denomination: usd("15"), quantity: 1 }).catch((e: unknown) => e);
    expect(outside).toMatchObject({ httpStatus: 400, code: "VALIDATION_FAILURE" });
  });

  it("delivers up to 5 vouchers synchronously (201) with mock codes inline", async () => {
    const order = await h.client.createVoucherOrder({
      productId: 123,
      denomination: usd("50"),
      quantity: 2,
      clientReference: "V-SYNC-1",
      email: "a@example.com",
    });
    expect(order).toMatchObject({
      status: "DELIVERED",
      quantity: 2,
      amount: usd("100"),
      discount: usd("3.5"),
      deduction: usd("96.5"),
      clientReference: "V-SYNC-1",
      walletId: 1,
    });
    expect(order.vouchers).toHaveLength(2);
    expect(order.vouchers[0]?.cardNumber).toMatch(/^STEAM-[A-Z0-9]{4}-[A-Z0-9]{4}-[A-Z0-9]{4}$/);
    expect(order.vouchers[0]?.expiresAt?.getTime()).toBeGreaterThan(Date.now());
    const again = await h.client.getVoucherOrder(order.id);
    expect(again).toEqual(order);
    const status = await h.raw("POST", "/api/v1/orders", {
      token: (await rawLogin(h)).access_token,
      body: { product_id: 129, denomination: 25, quantity: 1 },
    });
    expect(status.status).toBe(201);
  });

  it("fulfils more than 5 vouchers asynchronously: PENDING with [] then DELIVERED after 2 s of sandbox time", async () => {
    const order = await h.client.createVoucherOrder({
      productId: 124,
      denomination: usd("10"),
      quantity: 6,
      clientReference: "V-ASYNC-1",
    });
    expect(order.status).toBe("PENDING");
    expect(order.vouchers).toEqual([]);
    await h.advance({ seconds: 3 });
    const delivered = await h.client.getVoucherOrder(order.id);
    expect(delivered.status).toBe("DELIVERED");
    expect(delivered.vouchers).toHaveLength(6);
    const found = await h.client.findOrderByClientReference("vouchers", "V-ASYNC-1");
    expect(found?.id).toBe(order.id);
    expect(await h.client.findOrderByClientReference("vouchers", "NOPE")).toBeNull();
  });

  it("validates client_reference (≤ 255 printable ASCII) and the body", async () => {
    for (const bad of ["x".repeat(256), "naïve", "tab\there"]) {
      const error = await h.client
        .createVoucherOrder({ productId: 123, denomination: usd("10"), quantity: 1, clientReference: bad })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OctopusCardsError);
      expect(error).toMatchObject({
        httpStatus: 400,
        name: "ValidationException",
        code: "VALIDATION_FAILURE",
        outcome: "rejected",
      });
    }
    const tooMany = await h.client
      .createVoucherOrder({ productId: 123, denomination: usd("10"), quantity: 5001 })
      .catch((e: unknown) => e);
    expect(tooMany).toMatchObject({ httpStatus: 400, code: "VALIDATION_FAILURE" });
  });

  it("fails a SIM_FAIL voucher order after 5 s and refunds it; SIM_CANCEL and SIM_PARTIAL too", async () => {
    const failing = await h.client.createVoucherOrder({
      productId: 123,
      denomination: usd("10"),
      quantity: 1,
      clientReference: "SIM_FAIL_OPERATOR_REJECTED-v1",
    });
    const cancelling = await h.client.createVoucherOrder({
      productId: 123,
      denomination: usd("10"),
      quantity: 1,
      clientReference: "SIM_CANCEL-v1",
    });
    const partial = await h.client.createVoucherOrder({
      productId: 123,
      denomination: usd("10"),
      quantity: 4,
      clientReference: "SIM_PARTIAL-v1",
    });
    expect([failing.status, cancelling.status, partial.status]).toEqual(["PENDING", "PENDING", "PENDING"]);
    await h.advance({ seconds: 6 });
    const failed = await h.client.getVoucherOrder(failing.id);
    expect(failed.status).toBe("FAILED");
    expect(failed.failure).toEqual({ code: "OPERATOR_REJECTED", reason: expect.any(String), isUserFixable: false });
    expect((await h.client.getVoucherOrder(cancelling.id)).status).toBe("CANCELLED");
    const partly = await h.client.getVoucherOrder(partial.id);
    expect(partly.status).toBe("PARTIALLY_DELIVERED");
    expect(partly.vouchers).toHaveLength(2);
    const credits = (await h.client.listTransactions({ type: "CREDIT", limit: 100 })).items;
    expect(credits.map((c) => c.remarks)).toEqual(
      expect.arrayContaining([
        `USD Wallet credited by amount 9.65 - Refund for order #${failing.id}`,
        `USD Wallet credited by amount 9.65 - Refund for order #${cancelling.id}`,
        `USD Wallet credited by amount 19.30 - Refund for order #${partial.id}`,
      ]),
    );
  });
});
