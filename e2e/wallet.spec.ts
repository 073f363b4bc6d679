import { expect, test, type Browser } from "@playwright/test";
import { storageStateOf, type RoleName } from "./support/roles";
import { answerStepUpIfAsked } from "./support/step-up";

test.describe.configure({ mode: "serial" });

async function pageAs(browser: Browser, role: RoleName) {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { context, page: await context.newPage() };
}

test("a merchant sees both balances, the ledger and the reconciliation status", async ({ browser }) => {
  const { context, page } = await pageAs(browser, "merchant");
  await page.goto("/wallet");
  await expect(page.getByRole("heading", { name: "Wallet", level: 1 })).toBeVisible();
  const usd = page.getByTestId("wallet-USD");
  await expect(usd.getByTestId("provider-balance")).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(usd.getByTestId("ledger-balance")).toHaveText(/^\$[\d,]+\.\d{2}$/);
  await expect(usd.getByTestId("runway")).toBeVisible();
  await expect(usd.getByTestId("reconciliation-status")).toContainText(/Reconciled|Out of balance/);
  await expect(page.getByTestId("wallet-HKD")).toBeVisible();
  const ledger = page.getByRole("table", { name: /Ledger movements of wallet/ });
  await expect(ledger).toBeVisible();
  await expect(ledger.getByTestId("wallet-movement").filter({ hasText: "Opening balance" })).toHaveCount(1);
  await context.close();
});

test("an admin sets a low-balance threshold and the wallet page warns", async ({ browser }) => {
  const { context, page } = await pageAs(browser, "admin");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: "USD low-balance threshold" });
  await form.getByLabel("USD low-balance threshold").fill("9999999.00");
  await form.getByRole("button", { name: "Save USD warning" }).click();
  await answerStepUpIfAsked(page, "admin", form.getByText("USD wallets below"));
  await expect(form.getByRole("status")).toHaveText("USD wallets below $9,999,999.00 now show a low-balance warning.");
  await page.goto("/wallet");
  await expect(page.getByTestId("wallet-USD").getByTestId("low-balance-warning")).toContainText(
    "Low balance: below the $9,999,999.00 threshold",
  );
  await expect(page.getByTestId("wallet-HKD").getByTestId("low-balance-warning")).toHaveCount(0);
  await context.close();
});

test("ops gets 403 on /wallet", async ({ browser }) => {
  const { context, page } = await pageAs(browser, "ops");
  expect((await page.goto("/wallet"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "403: not allowed" })).toBeVisible();
  await context.close();
});
