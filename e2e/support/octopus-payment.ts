import { expect, type Page } from "@playwright/test";

/**
 * Finance requests an Octopus payment (API-only) and the customer approves it on the provider's
 * landing page, opened in a page of its own. Ends on the captured payment's detail page.
 */
export async function capturedOctopusPayment(page: Page, reference: string, amount = "100.00"): Promise<string> {
  await page.goto("/payments/new");
  await page.getByRole("radio", { name: /one API call/ }).check();
  await page.getByLabel("Amount").fill(amount);
  await page.getByLabel("Reference (optional)").fill(reference);
  await page.getByRole("button", { name: "Request payment" }).click();
  await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}$/);
  // The customer opens the payment page (the QR code's link) in a browser of their own.
  const landingUrl = await page.getByRole("link", { name: /Open the payment page/ }).getAttribute("href");
  const landing = await page.context().newPage();
  await landing.goto(landingUrl ?? "");
  await landing.getByRole("button", { name: /Approve in Octopus app/ }).click();
  await landing.waitForURL(/payment-complete/);
  await landing.close();
  await expect(page.getByRole("status", { name: "Payment status" })).toHaveText("Captured", { timeout: 20_000 });
  return page.url();
}
