import { expect, type Browser } from "@playwright/test";
import { storageStateOf } from "./roles";

/**
 * After a merchant journey: every wallet's reconciliation on /wallet says our ledger agrees with
 * the provider. Polled, because another spec's order may be between our debit and the provider's.
 */
export async function expectWalletsReconciled(browser: Browser): Promise<void> {
  const context = await browser.newContext({ storageState: storageStateOf("merchant") });
  const page = await context.newPage();
  try {
    await expect(async () => {
      await page.goto("/wallet");
      const statuses = page.getByTestId("reconciliation-status");
      await expect(statuses.first()).toBeVisible();
      for (const status of await statuses.all()) await expect(status).toContainText("Reconciled", { timeout: 1_000 });
    }).toPass({ timeout: 30_000, intervals: [1_000, 2_000, 5_000] });
  } finally {
    await context.close();
  }
}
