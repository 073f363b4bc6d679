import { expect, test } from "@playwright/test";
import { expectNoAxeViolationsInBothThemes } from "./support/axe";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { confirmQuote } from "./support/order-quote";
import { issuePartialRefund } from "./support/partial-refund";
import { storageStateOf } from "./support/roles";

// Issue #16: the overview is the page everyone lands on; its figures open the rows behind them.
test.describe.configure({ timeout: 120_000 });

test.describe("[OVERVIEW] finance", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("a captured and partly refunded payment shows in today's money, the chart and its table, and the link opens those days", async ({
    page,
  }) => {
    const reference = `E2E-OV-${Date.now().toString(36).toUpperCase()}`;
    await capturedOctopusPayment(page, reference, "300.00");
    await issuePartialRefund(page, "20.00");
    await expect(page.getByTestId("refund").first()).toContainText("Approved", { timeout: 30_000 });

    await page.goto("/overview?tz=Asia%2FHong_Kong");
    await expect(page.getByRole("heading", { level: 1, name: "Overview" })).toBeVisible();
    const today = page.getByTestId("money-Today-HKD");
    await expect(today).toContainText("captured");
    await expect(today).toContainText("refunded");
    // The chart names its totals for screen readers, and its table lists today's day with amounts.
    const chart = page.getByTestId("daily-money-HKD");
    await expect(chart.getByRole("img")).toHaveAccessibleName(/captured and .* refunded in HKD/);
    await chart.getByText("Show the figures as a table").click();
    await expect(chart.getByRole("table")).toContainText("HK$");

    await expectNoAxeViolationsInBothThemes(page, "overview as finance");

    // "See these payments" opens today's payments in the same zone, the new payment among them.
    await page.getByTestId("money-Today").locator("..").getByRole("link", { name: "See these payments" }).click();
    await expect(page).toHaveURL(/\/payments\?from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}&tz=Asia%2FHong_Kong/);
    await expect(page.getByRole("link", { name: reference, exact: true })).toBeVisible();
  });

  test("a declined refund is counted under Needs a person, and its link opens exactly the refunds needing follow-up", async ({
    page,
  }) => {
    const reference = `E2E-OV-FU-${Date.now().toString(36).toUpperCase()}`;
    await capturedOctopusPayment(page, reference, "300.00");
    // Ends in 10: declined by Octopus in the sandbox.
    await issuePartialRefund(page, "20.10");
    await expect(page.getByTestId("refund").first()).toContainText("Declined", { timeout: 30_000 });

    await page.goto("/overview");
    const needs = page.getByTestId("needs-a-person");
    await expect(needs.getByTestId("needs-attention")).toHaveText(/need.? attention|No refund needs attention\./);
    await expect(needs.getByTestId("overdue")).toHaveText(/overdue/);
    // Reconciliation drift is listed for each payment provider.
    await expect(page.getByTestId("sync-drift-checkout")).toContainText("Checkout.com");
    await expect(page.getByTestId("sync-drift-octo")).toContainText("OCTO");
    await needs.getByTestId("follow-up").getByRole("link").click();
    await expect(page).toHaveURL(/\/refunds\?need=follow_up/);
    await expect(page.getByRole("combobox", { name: "Needs", exact: true })).toHaveValue("follow_up");
    const rows = page.getByTestId("refund-row");
    await expect(rows.filter({ hasText: reference })).toHaveCount(1);
    // Every row listed is one the monitor itself marks as needing action.
    for (const row of await rows.all()) await expect(row.getByTestId("action-needed")).toContainText("Action needed");
  });

  test("the refunds it points at: in flight by status and age, each a link to the monitor filtered to them", async ({
    page,
  }) => {
    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "Needs a person" })).toBeVisible();
    await expect(page.getByTestId("approvals-for-me")).not.toBeEmpty();
    const ages = page.getByTestId("in-flight-ages");
    await expect(ages.getByRole("listitem")).toHaveCount(5);
    const firstLink = page.getByTestId("in-flight").getByRole("link").first();
    if (await firstLink.count()) {
      const href = (await firstLink.getAttribute("href")) ?? "";
      expect(href).toMatch(/^\/refunds\?status=[a-z_]+/);
    }
  });
});

test.describe("[OVERVIEW] landing", () => {
  test.use({ storageState: storageStateOf("ops") });

  test("the home page sends each role to the overview, first in the navigation", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByRole("navigation").getByRole("link").first()).toHaveText("Overview");
  });
});

test.describe("[OVERVIEW] merchant", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("wallets with their runway, the spend chart, and today's orders linking to exactly those orders", async ({
    page,
  }) => {
    await page.goto("/orders/new?vertical=voucher&search=Steam");
    const row = page.getByTestId("voucher-product-123");
    await row.getByLabel("Denomination (USD)").selectOption("20.00");
    await row.getByRole("button", { name: "Get quote" }).click();
    const orderPath = await confirmQuote(page);

    await page.goto("/overview");
    await expect(page.getByRole("heading", { name: "Wallets and runway" })).toBeVisible();
    await expect(page.getByTestId("wallet-runway-USD")).toContainText("$");
    await expect(page.getByTestId("wallet-runway-USD").getByTestId("runway-days")).toHaveText(/day|no spend/);
    // Today's bar closes on the balance the wallet table shows; the days ahead are named as projected.
    const balance = page.getByTestId("wallet-balance-chart-USD");
    await expect(balance.getByRole("img")).toHaveAttribute(
      "aria-label",
      /USD wallet balance at the end of each of the last 14 days, \$[\d,.]+ now; /,
    );
    await balance.getByText("Show the figures as a table").click();
    const shownBalance = await page.getByTestId("wallet-runway-USD").getByRole("cell").first().innerText();
    const rows = balance.getByRole("row");
    await expect(rows).toHaveCount(1 + 14 + 14);
    await expect(rows.nth(14)).toContainText(shownBalance);
    await expect(rows.nth(15).getByRole("cell").first()).toHaveText("—");
    // Nothing about payments or refunds: that is finance's part of the page.
    await expect(page.getByRole("heading", { name: "Money of the payments made" })).toHaveCount(0);

    const today = page.getByTestId("orders-today");
    await expect(today.getByRole("link").first()).toBeVisible();
    await expectNoAxeViolationsInBothThemes(page, "overview as merchant");
    // Other specs order today too: the link for our order's status is the one whose list holds it.
    await page.goto(orderPath);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });
    await page.goto("/overview");
    await today.getByTestId("orders-today-delivered").click();
    await expect(page).toHaveURL(/\/orders\?status=delivered&/);
    await expect(page.locator(`a[href="${orderPath}"]`).first()).toBeVisible();
  });
});
