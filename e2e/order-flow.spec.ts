import { expect, test, type Page } from "@playwright/test";
import { scanPageInBothThemes } from "./support/axe";
import { storageStateOf } from "./support/roles";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

// Issue #14, placing an order: phone numbers as people type them, one order per quote whatever
// Back does, balances before Pay, ranges and countries checked before the quote, forms that keep
// what was typed (the confirm form's server refusals are in keeps-input.spec.ts). Each journey ends
// with every wallet reconciled with the provider.
test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStateOf("merchant") });
// Each journey scans pages in two themes and waits for the wallets to reconcile.
test.setTimeout(120_000);

async function confirmAndOpenOrder(page: Page): Promise<string> {
  await page.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  return new URL(page.url()).pathname;
}

test("[ORDER FLOW] phone numbers are read as people type them; nonsense is a sentence in the shell, never a 500", async ({
  page,
  browser,
}) => {
  for (const typed of ["+852 5123 4567", "+852-5123-4567", "85251234567", "5123 4567"]) {
    const response = await page.goto(`/orders/new?vertical=topup&phoneCountry=HK&phone=${encodeURIComponent(typed)}`);
    expect(response?.status(), typed).toBe(200);
    await expect(page.getByRole("status").filter({ hasText: "Operators for +85251234567" })).toBeVisible();
    await expect(page.getByRole("link", { name: /CSL Hong Kong/ })).toBeVisible();
  }
  const hello = "/orders/new?vertical=topup&phoneCountry=HK&phone=hello";
  const response = await page.goto(hello);
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(
    page.getByText(
      "Phone number must be a Hong Kong number such as 5123 4567, or with the country code, such as +852 5123 4567",
    ),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Phone number" })).toHaveValue("hello");
  await expect(page.getByRole("textbox", { name: "Phone number" })).toHaveAttribute("aria-invalid", "true");
  await scanPageInBothThemes(page, hello, "topup lookup with a refused phone number");
  await expectWalletsReconciled(browser);
});

test("[ORDER FLOW] a topup typed in national format, on the wallet in the product's currency, refused then fixed in the recipient field", async ({
  page,
  browser,
}) => {
  // Typed in a national format; the HKD product is charged to the HKD wallet by default (no FX fee).
  await page.goto("/orders/new?vertical=topup");
  await page.getByLabel("Country", { exact: true }).selectOption("HK");
  await page.getByRole("textbox", { name: "Phone number" }).fill("5123 4567");
  await page.getByRole("button", { name: "Find operator" }).click();
  await page.getByRole("link", { name: /CSL Hong Kong/ }).click();
  const variant = page.getByTestId("topup-variant-72");
  await expect(variant.getByLabel("Wallet")).toHaveValue("2");
  await variant.getByRole("button", { name: "Get quote" }).click();
  await expect(page.getByRole("textbox", { name: "Phone number" })).toHaveValue("+85251234567");
  await expect(page.getByTestId("quote-fx-rate")).toHaveCount(0);

  // The recipient field forgives national formats and says the format when it cannot read one.
  await page.getByRole("textbox", { name: "Phone number" }).fill("51 23");
  await page.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(
    page.getByText(
      "Phone number must be a Hong Kong number such as 5123 4567, or with the country code, such as +852 5123 4567",
    ),
  ).toBeVisible();
  await expect(page.getByRole("textbox", { name: "Phone number" })).toHaveValue("51 23");
  await page.getByRole("textbox", { name: "Phone number" }).fill("5123 4567");
  const orderPath = await confirmAndOpenOrder(page);
  await expect(page.getByRole("status", { name: "Order status" })).toHaveText(/Pending|Delivered/);
  expect(orderPath).toMatch(/^\/orders\//);
  await expectWalletsReconciled(browser);
});

test("[ORDER FLOW] Back after Confirm shows the quote was confirmed; a forced second submit is still one order", async ({
  page,
  context,
  browser,
}) => {
  await page.goto("/orders/new?vertical=voucher&search=Steam");
  const row = page.getByTestId("voucher-product-123");
  await row.getByLabel("Denomination (USD)").selectOption("10.00");
  await row.getByRole("button", { name: "Get quote" }).click();
  await expect(page).toHaveURL(/reference=ORD-/);
  const quoteUrl = page.url();
  const reference = (await page.getByTestId("quote-client-reference").textContent()) ?? "";
  expect(reference).toMatch(/^ORD-/);

  // The same quote in a second tab (as a stale form would be): same reference.
  const second = await context.newPage();
  await second.goto(quoteUrl);
  await expect(second.getByTestId("quote-client-reference")).toHaveText(reference);

  const orderPath = await confirmAndOpenOrder(page);
  await expect(page.getByTestId("client-reference")).toHaveText(reference);

  await page.goBack();
  await expect(page.getByTestId("quote-already-confirmed")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm and pay" })).toHaveCount(0);
  // Restored from the tab's cache it links to the order by its reference; loaded afresh, by its id.
  await expect(page.getByRole("link", { name: "Open the order" })).toHaveAttribute(
    "href",
    new RegExp(`^(${orderPath}|/orders\\?q=${reference})$`),
  );
  await scanPageInBothThemes(page, quoteUrl, "a quote already confirmed");
  await expect(page.getByRole("link", { name: "Open the order" })).toHaveAttribute("href", orderPath);
  await expect(page.getByTestId("quote-order-outcome")).toContainText(/Order placed|Octopus Cards/);

  // Forcing the stale form: the same order, nothing new ordered or debited.
  await second.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(second).toHaveURL(new RegExp(`${orderPath}$`), { timeout: 20_000 });
  await second.goto(`/orders?q=${reference}`);
  await expect(second.getByRole("table", { name: /Orders/ }).getByText(reference)).toHaveCount(1);
  await second.close();
  await expectWalletsReconciled(browser);
});

test("[ORDER FLOW] the quote shows the balance, the shortfall with Confirm disabled, and FX with its direction", async ({
  page,
  browser,
}) => {
  await page.goto("/orders/new?vertical=voucher");
  await expect(page.getByRole("region", { name: "Wallet balances" })).toBeVisible();
  await expect(page.getByTestId("wallet-balance-1")).toHaveText(/^\$[\d,]+\.\d\d$/);

  // USD 500 × 100 is more than the USD wallet holds.
  await page.goto("/orders/new/quote?vertical=voucher&productId=126&amount=500&quantity=100&walletId=1");
  await expect(page.getByTestId("quote-wallet-balance")).toContainText("$");
  await expect(page.getByTestId("quote-shortfall")).toHaveText(/^Shortfall\$[\d,]+\.\d\d$/);
  await expect(page.getByRole("button", { name: "Confirm and pay" })).toBeDisabled();
  await expect(page.getByTestId("confirm-blocked")).toContainText(
    "short of the total; add funds to the wallet or choose another wallet",
  );
  await scanPageInBothThemes(page, page.url(), "a quote the wallet cannot cover");

  // An HKD product paid from the USD wallet: list price, discount, rate with its direction, fee, total in USD.
  await page.goto("/orders/new/quote?vertical=voucher&productId=131&amount=300&quantity=1&walletId=1");
  await expect(page.getByTestId("quote-list-price")).toContainText("HK$300.00");
  await expect(page.getByTestId("quote-discount")).toContainText("−HK$7.50");
  await expect(page.getByTestId("quote-fx-rate")).toContainText("1 HKD = 0.1282 USD");
  await expect(page.getByTestId("quote-conversion-fee")).toContainText("$");
  await expect(page.getByTestId("total-payable")).toContainText(/Total payable \(USD\)\$\d+\.\d\d/);
  await expect(page.getByTestId("quote-shortfall")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Confirm and pay" })).toBeEnabled();
  await expectWalletsReconciled(browser);
});

test("[ORDER FLOW] amounts out of range are stopped before the quote; Back keeps the search; the amount can be changed", async ({
  page,
  browser,
}) => {
  await page.goto("/orders/new?vertical=voucher&search=Amazon.com");
  const row = page.getByTestId("voucher-product-126");
  await expect(row.getByText("Between $1.00 and $500.00")).toBeVisible();
  await row.getByLabel("Denomination (USD)").fill("900");
  await row.getByRole("button", { name: "Get quote" }).click();
  await expect(row.getByRole("alert")).toHaveText("Denomination must be between $1.00 and $500.00.");
  await expect(page).toHaveURL(/\/orders\/new\?vertical=voucher&search=Amazon.com$/);

  // A link that skips the browser's check gets the same sentence, with no internal id, and a way back to the search.
  await page.goto(
    `/orders/new/quote?vertical=voucher&productId=126&amount=900&walletId=1&back=${encodeURIComponent("/orders/new?vertical=voucher&search=Amazon.com")}`,
  );
  await expect(page.getByTestId("quote-refusal")).toHaveText(
    "Denomination must be between $1.00 and $500.00. Nothing was ordered.",
  );
  await expect(page.getByTestId("quote-refusal")).not.toContainText("126");
  await page.getByRole("textbox", { name: "Amount" }).fill("25");
  await page.getByRole("button", { name: "New quote" }).click();
  await expect(page.getByTestId("total-payable")).toBeVisible();
  await page.getByRole("link", { name: "Back to the catalogue" }).first().click();
  await expect(page).toHaveURL(/search=Amazon.com/);
  await expect(page.getByLabel("Name")).toHaveValue("Amazon.com");
  await expectWalletsReconciled(browser);
});

test("[ORDER FLOW] eSIM plans by country name or code; an unknown country says so instead of listing every plan", async ({
  page,
  browser,
}) => {
  for (const typed of ["Japan", "JP", "jpn"]) {
    await page.goto("/orders/new?vertical=esim");
    await page.getByLabel("Country or country code").fill(typed);
    await page.getByRole("button", { name: "Show plans" }).click();
    const plans = page.getByRole("table", { name: "eSIM plans: Japan" });
    await expect(plans.locator('[data-testid^="esim-variant-"]')).toHaveCount(3);
    await expect(plans).not.toContainText("Hong Kong");
  }
  await page.goto("/orders/new?vertical=esim&country=Atlantis");
  await expect(page.getByText("Country or country code has no eSIM plans for “Atlantis”")).toBeVisible();
  await expect(page.locator('[data-testid^="esim-variant-"]')).toHaveCount(0);
  await scanPageInBothThemes(page, "/orders/new?vertical=esim&country=Japan", "eSIM plans for Japan");
  await expectWalletsReconciled(browser);
});
