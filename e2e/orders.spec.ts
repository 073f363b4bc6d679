import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/roles";
import { sandboxControlHeaders } from "./support/sandbox-control";
import { answerStepUpIfAsked } from "./support/step-up";
import { confirmQuote } from "./support/order-quote";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

test.describe.configure({ mode: "serial" });

test.describe("[ORDERS] merchant places orders", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("buys a voucher, sees it deliver and reveals its code", async ({ page, request }) => {
    await page.goto("/orders");
    await page.getByRole("link", { name: "New order" }).click();
    await expect(page).toHaveURL(/\/orders\/new/);
    await page.getByLabel("Name").fill("Steam");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByTestId("voucher-product-123");
    await row.getByLabel("Denomination (USD)").selectOption("20.00");
    await row.getByRole("button", { name: "Get quote" }).click();
    await expect(page.getByText("Steam Wallet Card")).toBeVisible();
    await confirmQuote(page);

    // Vouchers settle after the sandbox's delay: move its clock; the live view picks it up.
    expect(
      (
        await request.post("/api/sandbox-control/clock/advance", {
          headers: sandboxControlHeaders,
          data: { minutes: 2 },
        })
      ).ok(),
    ).toBe(true);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });
    const codes = page.getByRole("list", { name: "Voucher codes" });
    await expect(codes.getByLabel("Code hidden")).toHaveCount(1);
    await page.getByRole("button", { name: "Reveal codes" }).click();
    await answerStepUpIfAsked(page, "merchant", page.getByText("this reveal is in the audit log"));
    await expect(page.getByText("this reveal is in the audit log")).toBeVisible();
    await expect(codes.getByLabel("Code hidden")).toHaveCount(0);
    await expect(page.getByRole("button", { name: /Copy (card number|PIN) 1/ }).first()).toBeVisible();
  });

  test("tops up a phone number found by operator lookup and watches it deliver", async ({ page }) => {
    await page.goto("/orders/new?vertical=topup");
    await page.getByRole("textbox", { name: "Phone number" }).fill("+85251234567");
    await page.getByRole("button", { name: "Find operator" }).click();
    await page.getByRole("link", { name: /CSL Hong Kong/ }).click();
    const variant = page.getByTestId("topup-variant-72");
    await variant.getByLabel("Wallet").selectOption("2");
    await variant.getByRole("button", { name: "Get quote" }).click();
    await expect(page.getByRole("textbox", { name: "Phone number" })).toHaveValue("+85251234567");
    await confirmQuote(page);
    const status = page.getByRole("status", { name: "Order status" });
    await expect(status).toHaveText(/Pending|Delivered/);
    await expect(status).toHaveText("Delivered", { timeout: 30_000 });
    await expect(page.getByRole("list", { name: "Order timeline" })).toContainText("Pending → Delivered");
  });

  test("buys an eSIM, sees its ICCID, and its QR code only after revealing the activation code", async ({ page }) => {
    await page.goto("/orders/new?vertical=esim");
    await page.getByLabel("Country code").fill("HKG");
    await page.getByRole("button", { name: "Show plans" }).click();
    await page.locator('[data-testid^="esim-variant-"]').first().getByRole("button", { name: "Get quote" }).click();
    await confirmQuote(page);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });
    await expect(page.getByTestId("esim-iccid")).toHaveText(/^\d{18,22}$/);
    await expect(page.getByLabel("Activation code hidden")).toBeVisible();
    await expect(page.getByRole("img", { name: "eSIM activation QR code" })).toHaveCount(0);
    await page.getByRole("button", { name: "Reveal activation code" }).click();
    await answerStepUpIfAsked(page, "merchant", page.getByRole("img", { name: "eSIM activation QR code" }));
    await expect(page.getByRole("img", { name: "eSIM activation QR code" })).toBeVisible();
    await expect(page.getByTestId("esim-qr").locator("svg")).toBeVisible();
    await expect(page.getByTestId("esim-activation-code")).toHaveText(/^LPA:1\$/);
    await expect(page.getByTestId("esim-activation-revealed")).toBeFocused();
    await expect(page.getByText("this reveal is in the audit log")).toBeVisible();
  });

  test("a user-fixable failure is refunded and retried with Edit and retry", async ({ page }) => {
    await page.goto("/orders/new?vertical=topup&phone=%2B85251234567");
    await page.getByRole("link", { name: /CSL Hong Kong/ }).click();
    const variant = page.getByTestId("topup-variant-72");
    await variant.getByLabel("Wallet").selectOption("2");
    await variant.getByRole("button", { name: "Get quote" }).click();
    const failedPath = await confirmQuote(page, "SIM_FAIL_INVALID_RECIPIENT");
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Failed", { timeout: 30_000 });
    await expect(page.getByTestId("failure-reason")).toContainText("INVALID_RECIPIENT");
    await expect(page.getByText("You can fix this")).toBeVisible();
    await expect(page.getByTestId("order-refund")).toContainText("Refunded automatically to the wallet");
    const failedReference = await page.getByTestId("client-reference").textContent();

    await page.getByRole("link", { name: "Edit and retry" }).click();
    await expect(page.getByRole("textbox", { name: "Phone number" })).toHaveValue("+85251234567");
    await expect(page.getByRole("link", { name: "the failed order" })).toHaveAttribute("href", failedPath);
    await page.getByLabel("Phone number").fill("+85251230000");
    await confirmQuote(page);
    await expect(page.getByTestId("client-reference")).not.toHaveText(failedReference ?? "");
    await expect(page.getByRole("link", { name: "the failed order" })).toHaveAttribute("href", failedPath);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });

    await page.goto("/orders?vertical=topup&status=failed");
    await expect(page.getByRole("table", { name: /Orders/ })).toContainText(failedReference ?? "");

    // The automatic refund is a line of the wallet ledger, linked from the failed order.
    await page.goto(failedPath);
    await page.getByTestId("order-refund").getByRole("link").first().click();
    await expect(page).toHaveURL(/\/wallet/);
    // The link names the refund's own ledger row.
    const movement = new URL(page.url()).hash;
    expect(movement).toMatch(/^#movement-\d+$/);
    await expect(page.locator(movement)).toContainText("Order refund");
  });
});

for (const role of ["finance", "ops"] as const) {
  test.describe(`[ORDERS] ${role} cannot place orders`, () => {
    test.use({ storageState: storageStateOf(role) });
    test("no New order button; /orders/new is refused", async ({ page }) => {
      await page.goto("/orders");
      await expect(page.getByRole("heading", { level: 1, name: "Orders" })).toBeVisible();
      await expect(page.getByRole("link", { name: "New order" })).toHaveCount(0);
      const response = await page.goto("/orders/new");
      expect(response?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "403: not allowed" })).toBeVisible();
    });
  });
}

// This spec places orders: whatever they did, every wallet still agrees with the provider.
test.afterAll(async ({ browser }) => {
  await expectWalletsReconciled(browser);
});
