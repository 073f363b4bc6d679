import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectVisibleFocus, focusedDescription, tabTo } from "./support/keyboard";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { storageStateOf } from "./support/roles";
import { staleSessionPage, stepUpDialog } from "./support/step-up";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

// Issue #7: the refund and order flows completed with the keyboard alone (Tab, Shift+Tab, Enter,
// Space, arrows and typing; no clicks). Data is made beforehand the usual way; the flow itself
// only uses page.keyboard.

const unique = Date.now().toString(36).toUpperCase();

async function expectFocusStaysIn(
  page: Page,
  container: Locator,
  key: "Tab" | "Shift+Tab",
  presses: number,
): Promise<void> {
  for (let i = 0; i < presses; i++) {
    await page.keyboard.press(key);
    const inside = await container.evaluate((el) => el.contains(document.activeElement));
    expect(inside, `after ${i + 1} × ${key} the focus is on ${await focusedDescription(page)}`).toBe(true);
  }
}

test.describe("[KEYBOARD] finance refunds a payment", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("from the payments list to a refund on the payment, keyboard only; the dialog traps and returns focus", async ({
    page,
  }) => {
    const reference = `E2E-KB-RF-${unique}`;
    await capturedOctopusPayment(page, reference);

    await page.goto("/payments");
    const paymentLink = page.getByRole("link", { name: reference, exact: true });
    await tabTo(page, paymentLink);
    await expectVisibleFocus(paymentLink);
    await page.keyboard.press("Enter");
    await expect(page.getByRole("heading", { level: 1, name: `Payment ${reference}` })).toBeVisible();

    const refundButton = page.getByRole("button", { name: "Refund…" });
    await tabTo(page, refundButton);
    await expectVisibleFocus(refundButton);

    // Opened and closed with Escape: the focus comes back to the button that opened it.
    const dialog = page.getByRole("dialog", { name: "Refund this payment" });
    await page.keyboard.press("Enter");
    await expect(dialog).toBeVisible();
    await expect.poll(() => dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(refundButton).toBeFocused();

    // Opened with Space; Tab and Shift+Tab cycle inside it, never behind it.
    await page.keyboard.press("Space");
    await expect(dialog).toBeVisible();
    await expectFocusStaysIn(page, dialog, "Tab", 12);
    await expectFocusStaysIn(page, dialog, "Shift+Tab", 12);

    const full = dialog.getByRole("radio", { name: /^Full/ });
    await tabTo(page, full, { backwards: true });
    await expectVisibleFocus(full);
    await page.keyboard.press("ArrowDown");
    await expect(dialog.getByRole("radio", { name: "Partial" })).toBeChecked();
    const amount = dialog.getByLabel("Amount");
    await tabTo(page, amount);
    await expectVisibleFocus(amount);
    await page.keyboard.type("20.00");
    await expect(dialog.getByText("Refund of HK$20.00 passes every rule.")).toBeVisible();
    const reason = dialog.getByLabel("Reason");
    await tabTo(page, reason);
    await page.keyboard.type("Customer");
    await expect(reason).toHaveValue("customer_request");
    const issue = dialog.getByRole("button", { name: "Issue refund" });
    await tabTo(page, issue);
    await expectVisibleFocus(issue);
    await page.keyboard.press("Enter");

    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("refund").first()).toContainText("HK$20.00");
    await expect(page.getByTestId("refund").getByRole("status", { name: "Refund status" })).toHaveText(["Pending"]);
    // Closed after the refund: the focus is back on the button, ready for another.
    await expect(refundButton).toBeFocused();
  });
});

test.describe("[KEYBOARD] merchant orders a voucher", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("new order → product → quote → confirm → order page, keyboard only", async ({ page }) => {
    await page.goto("/orders");
    const newOrder = page.getByRole("link", { name: "New order" });
    await tabTo(page, newOrder);
    await expectVisibleFocus(newOrder);
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/orders\/new/);

    const search = page.getByLabel("Name");
    await tabTo(page, search);
    await expectVisibleFocus(search);
    await page.keyboard.type("Steam");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/search=Steam/);

    const row = page.getByTestId("voucher-product-123");
    const denomination = row.getByLabel("Denomination (USD)");
    await tabTo(page, denomination);
    await expectVisibleFocus(denomination);
    await page.keyboard.type("20");
    await expect(denomination).toHaveValue("20.00");
    const getQuote = row.getByRole("button", { name: "Get quote" });
    await tabTo(page, getQuote);
    await expectVisibleFocus(getQuote);
    await page.keyboard.press("Enter");

    await expect(page.getByRole("heading", { level: 1, name: "Review and confirm" })).toBeVisible();
    await expect(page.getByText("Steam Wallet Card")).toBeVisible();
    const confirm = page.getByRole("button", { name: "Confirm and pay" });
    await tabTo(page, confirm);
    await expectVisibleFocus(confirm);
    await page.keyboard.press("Enter");

    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await expect(page.getByRole("status", { name: "Order status" })).toBeVisible();
  });
});

test.describe("[KEYBOARD] the step-up dialog", () => {
  test("opens on the code field, keeps Tab inside, and Escape returns to where the user was", async ({ browser }) => {
    const { context, page } = await staleSessionPage(browser, "finance");
    await page.goto("/payments");
    const exportLink = page.getByRole("link", { name: "Export CSV" });
    await tabTo(page, exportLink);
    await page.keyboard.press("Enter");
    const dialog = stepUpDialog(page);
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Authenticator code")).toBeFocused();
    await expectFocusStaysIn(page, dialog, "Tab", 6);
    await expectFocusStaysIn(page, dialog, "Shift+Tab", 6);
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(exportLink).toBeFocused();
    await expect(page.getByText("Nothing was changed: this needs a code from your authenticator app.")).toBeVisible();
    await context.close();
  });
});

// This spec places orders: whatever they did, every wallet still agrees with the provider.
test.afterAll(async ({ browser }) => {
  await expectWalletsReconciled(browser);
});
