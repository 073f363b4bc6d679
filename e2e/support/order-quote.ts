import { expect, type Page } from "@playwright/test";

/** On the quote page: optionally picks a sandbox outcome, confirms, and returns the order's path once its page opens. */
export async function confirmQuote(page: Page, outcome?: string): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: "Review and confirm" })).toBeVisible();
  await expect(page.getByTestId("total-payable")).toBeVisible();
  if (outcome) await page.getByLabel("Sandbox outcome").selectOption(outcome);
  await page.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  return new URL(page.url()).pathname;
}
