import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageStateOf } from "./support/roles";
import { sandboxControlHeaders } from "./support/sandbox-control";
import { confirmQuote } from "./support/order-quote";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

test.describe.configure({ mode: "serial" });

/** A Steam voucher ×4 from wallet 1 with the sandbox outcome SIM_PARTIAL: returns the order id. */
async function placePartialVoucherOrder(page: Page): Promise<string> {
  await page.goto("/orders/new");
  await page.getByLabel("Name").fill("Steam");
  await page.getByRole("button", { name: "Search" }).click();
  const row = page.getByTestId("voucher-product-123");
  await row.getByLabel("Denomination (USD)").selectOption("10.00");
  await row.getByLabel("Quantity").fill("4");
  await row.getByLabel("Wallet", { exact: true }).selectOption("1");
  await row.getByRole("button", { name: "Get quote" }).click();
  return (await confirmQuote(page, "SIM_PARTIAL")).split("/").pop() ?? "";
}

/** The order page says how many of the 4 arrived, what was refunded, the net, and shows one code row per delivered code. */
async function expectPartialDeliveryOnPage(page: Page, orderId: string) {
  await page.goto(`/orders/${orderId}`);
  const money = page.getByTestId("order-money");
  await expect(money).toHaveText(/^[1-3] of 4 delivered, \$\d+\.\d\d refunded; net charge \$\d+\.\d\d\.?$/);
  const delivered = Number((await money.textContent())?.slice(0, 1));
  await expect(page.getByTestId("voucher-code")).toHaveCount(delivered);
}

/** The order's refund is a movement of its own in wallet 1's ledger. */
async function expectRefundInLedger(page: Page, orderId: string) {
  await expect(async () => {
    await page.goto("/wallet?wallet=1");
    const refund = page
      .getByTestId("wallet-movement")
      .filter({ hasText: "Order refund" })
      .filter({ has: page.getByRole("link", { name: `Order ${orderId.slice(0, 8)}` }) });
    await expect(refund).toHaveCount(1, { timeout: 1_000 });
  }).toPass({ timeout: 60_000, intervals: [1_000, 2_000, 5_000] });
}

test.describe("[ORDERS] a partial delivery is refunded once, whoever hears of it first", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("with the order page left open: the live status check records it and books the refund", async ({
    page,
    request,
    browser,
  }) => {
    const orderId = await placePartialVoucherOrder(page);
    expect(
      (
        await request.post("/api/sandbox-control/clock/advance", {
          headers: sandboxControlHeaders,
          data: { minutes: 5 },
        })
      ).ok(),
    ).toBe(true);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Partially delivered", {
      timeout: 30_000,
    });
    await expectNoAxeViolations(page, "partially delivered order");
    await expectRefundInLedger(page, orderId);
    await expectPartialDeliveryOnPage(page, orderId);
    await expectWalletsReconciled(browser);
  });

  test("navigating away at once: the webhook or the reconciler records it and books the refund", async ({
    page,
    request,
    browser,
  }) => {
    const orderId = await placePartialVoucherOrder(page);
    await page.goto("/orders");
    expect(
      (
        await request.post("/api/sandbox-control/clock/advance", {
          headers: sandboxControlHeaders,
          data: { minutes: 5 },
        })
      ).ok(),
    ).toBe(true);
    expect((await request.post("/api/sandbox-control/tick", { headers: sandboxControlHeaders })).ok()).toBe(true);
    await expectRefundInLedger(page, orderId);
    await page.goto(`/orders/${orderId}`);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Partially delivered");
    await expectPartialDeliveryOnPage(page, orderId);
    await expectWalletsReconciled(browser);
  });
});
