import { expect, type Page } from "@playwright/test";

/**
 * On a captured payment's page, issues a partial refund of `amount` (HKD major units) for a
 * customer request through the Refund… dialog. Sandbox outcomes go by the amount: 20.00 is
 * approved, 20.10 (ends in 10) declined, 5 s after the request.
 */
export async function issuePartialRefund(page: Page, amount: string): Promise<void> {
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund this payment" });
  await dialog.getByRole("radio", { name: "Partial" }).check();
  await dialog.getByLabel("Amount").fill(amount);
  await dialog.getByLabel("Reason").selectOption({ label: "Customer request" });
  await dialog.getByRole("button", { name: "Issue refund" }).click();
  await expect(dialog).toBeHidden();
}
