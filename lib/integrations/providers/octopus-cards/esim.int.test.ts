import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rawLogin, startHarness, usd, type Harness } from "./test-harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

const japan = { productId: 712, amount: usd("4.5") };

describe("Octopus Cards eSIM through the client", () => {
  it("lists plans by country and reads variants inline on detail", async () => {
    const jpn = await h.client.listEsimProducts({ countryCode: "JPN" });
    expect(jpn.items.map((p) => p.name)).toEqual(["Japan eSIM"]);
    expect(jpn.page.totalCount).toBe(1);
    expect((await h.client.listEsimProducts({ countryCode: "GLO" })).items).toHaveLength(1);
    const detail = await h.client.getEsimProduct(712);
    expect(detail.variants?.[0]).toMatchObject({ price: usd("4.5"), dataAmountGb: 1, validityDays: 7 });
    const variants = await h.client.listEsimVariants(712);
    expect(variants.items).toHaveLength(3);
    expect(await h.client.getEsimVariant(variants.items[1]!.id)).toEqual(variants.items[1]);
    const quote = await h.client.quoteEsim(japan);
    expect(quote).toMatchObject({ totalAmount: usd("4.27"), totalPayable: usd("4.27") });
  });

  it("delivers inline with HTTP 200, an LPA activation code and a 19–20 digit ICCID", async () => {
    const token = (await rawLogin(h)).access_token;
    const response = await h.raw("POST", "/api/v1/esim/orders", {
      token,
      body: { product_id: 713, amount: 9.5, quantity: 3 },
    });
    expect(response.status).toBe(200);
    const order = await h.client.createEsimOrder({ ...japan, clientReference: "E-HAPPY-1" });
    expect(order).toMatchObject({
      status: "DELIVERED",
      activationStatus: "NOT_INSTALLED",
      isInstalled: false,
      amount: usd("4.27"),
      dataAmountGb: 1,
      validityDays: 7,
    });
    expect(order.activationCode).toMatch(/^LPA:1\$smdp\.sandbox\.octopuscards\.test\$[A-Z0-9]+$/);
    expect(order.iccid).toMatch(/^\d{19,20}$/);
    const detail = await h.client.getEsimOrder(order.id);
    expect(detail.activationCode).toBe(order.activationCode);
  });

  it("never lists activation_code, and hides it (and the ICCID) on detail once installed; then ACTIVE → EXPIRED", async () => {
    const order = await h.client.createEsimOrder({ ...japan, clientReference: "E-INSTALL-1" });
    const token = (await rawLogin(h)).access_token;
    const list = (await (
      await h.raw("GET", "/api/v1/esim/orders?client_reference=E-INSTALL-1", { token })
    ).json()) as Record<string, unknown>[];
    expect(list).toHaveLength(1);
    expect(list[0]).not.toHaveProperty("activation_code");
    expect((await h.client.findOrderByClientReference("esim", "E-INSTALL-1"))?.activationCode).toBeNull();

    await h.advance({ minutes: 61 });
    const installed = await h.client.getEsimOrder(order.id);
    expect(installed).toMatchObject({
      isInstalled: true,
      activationStatus: "ACTIVE",
      activationCode: null,
      iccid: null,
    });
    expect(installed.installedAt).toBeInstanceOf(Date);
    const rawDetail = (await (
      await h.raw("GET", `/api/v1/esim/orders/${order.id}`, { token: (await rawLogin(h)).access_token })
    ).json()) as Record<string, unknown>;
    expect(rawDetail).not.toHaveProperty("activation_code");
    expect(rawDetail).not.toHaveProperty("iccid");

    await h.advance({ days: 7 });
    expect((await h.client.getEsimOrder(order.id)).activationStatus).toBe("EXPIRED");
  });

  it("fails SIM_FAIL synchronously (200, FAILED) with the wallet refunded at once", async () => {
    const before = await h.client.getWallet(1);
    const order = await h.client.createEsimOrder({ ...japan, clientReference: "SIM_FAIL_PLAN_UNAVAILABLE-e1" });
    expect(order).toMatchObject({
      status: "FAILED",
      activationCode: null,
      failure: { code: "PLAN_UNAVAILABLE", isUserFixable: true },
    });
    expect((await h.client.getWallet(1)).balance).toEqual(before.balance);
    const txs = (await h.client.listTransactions({ walletId: 1, limit: 10 })).items;
    expect(txs.map((t) => t.remarks)).toEqual(
      expect.arrayContaining([
        `USD Wallet debited by amount 4.27 - Order #${order.id}`,
        `USD Wallet credited by amount 4.27 - Refund for order #${order.id}`,
      ]),
    );
  });

  it("SIM_PENDING answers PENDING past the deadline, then DELIVERED after 2 minutes", async () => {
    const order = await h.client.createEsimOrder({ ...japan, clientReference: "SIM_PENDING-e1" });
    expect(order).toMatchObject({ status: "PENDING", activationCode: null });
    await h.advance({ minutes: 1 });
    expect((await h.client.getEsimOrder(order.id)).status).toBe("PENDING");
    await h.advance({ minutes: 1, seconds: 5 });
    const delivered = await h.client.getEsimOrder(order.id);
    expect(delivered.status).toBe("DELIVERED");
    expect(delivered.activationCode).toMatch(/^LPA:1\$/);
    const withEmail = await h.client.setEsimNotificationEmail(order.id, "trip@example.com");
    expect(withEmail.notificationEmail).toBe("trip@example.com");
  });
});
