import { expect, test, type Page } from "@playwright/test";
import { storageStateOf } from "./support/roles";

test.use({ storageState: storageStateOf("finance") });

const unique = Date.now().toString(36).toUpperCase();

async function requestPayment(
  page: Page,
  fields: { flow: RegExp; amount: string; currency?: string; reference: string },
) {
  await page.goto("/payments/new");
  await page.getByRole("radio", { name: fields.flow }).check();
  await page.getByLabel("Amount").fill(fields.amount);
  if (fields.currency) await page.getByLabel("Currency").selectOption(fields.currency);
  await page.getByLabel("Reference (optional)").fill(fields.reference);
  await page.getByLabel("Customer email (optional)").fill("customer@example.test");
  await page.getByRole("button", { name: "Request payment" }).click();
  await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}$/);
  await expect(page.getByRole("heading", { level: 1, name: `Payment ${fields.reference}` })).toBeVisible();
}

/** The customer opens the payment page from the QR code's link and answers on the provider's own page. */
async function customerPays(page: Page, button: RegExp, returnHeading: string) {
  await expect(page.getByRole("img", { name: /QR code of the payment page/ })).toBeVisible();
  const landingUrl = await page.getByRole("link", { name: /Open the payment page/ }).getAttribute("href");
  const landing = await page.context().newPage();
  await landing.goto(landingUrl ?? "");
  await landing.getByRole("button", { name: button }).click();
  await landing.waitForURL(/payment-complete/);
  // The return page says only what the provider's choice of address tells.
  await expect(landing.getByRole("heading", { level: 1 })).toHaveText(returnHeading);
  await landing.close();
}

test.describe("[PAYMENT REQUEST] finance requests a payment and watches it complete", () => {
  for (const flow of [
    { name: "Checkout.com API-only", radio: /one API call/, amount: "88.80", timelineExtra: null },
    {
      name: "Checkout.com Payment Setup",
      radio: /Payment Setup, then confirm/,
      amount: "42.50",
      timelineExtra: "Checkout.com created the payment setup.",
    },
  ]) {
    test(`${flow.name}: QR code and app link, Captured live once the customer approves`, async ({ page }) => {
      const reference = `E2E-${flow.timelineExtra ? "SETUP" : "API"}-${unique}`;
      await requestPayment(page, { flow: flow.radio, amount: flow.amount, reference });
      const status = page.getByRole("status", { name: "Payment status" });
      await expect(status).toHaveText("Pending");
      await expect(page.getByText("Octopus app link")).toBeVisible();

      await customerPays(page, /Approve in Octopus app/, "Thank you");
      // The webhook reaches the dashboard and the page follows without a reload.
      await expect(status).toHaveText("Captured", { timeout: 20_000 });
      const timeline = page.getByRole("table", { name: /Payment timeline/ });
      await expect(timeline).toContainText(/requested this payment\./);
      await expect(timeline).toContainText("Checkout.com accepted the payment request.");
      if (flow.timelineExtra) await expect(timeline).toContainText(flow.timelineExtra);
      await expect(timeline).toContainText("Event payment_captured");
      await expect(page.getByText("Customer pays")).toHaveCount(0);
    });
  }

  test("OCTO: the pay page link, Captured once OCTO's notify callback is verified and re-checked", async ({ page }) => {
    const reference = `E2E-OCTO-${unique}`;
    await requestPayment(page, { flow: /OCTO/, amount: "125000.00", currency: "UZS", reference });
    const status = page.getByRole("status", { name: "Payment status" });
    await expect(status).toHaveText("Pending");
    // OCTO has one return address for every outcome: the page claims neither.
    await customerPays(page, /Approve/, "You are back from the payment page");
    // OCTO's callback is delivered by the sandbox's ticker, then re-checked with OCTO: allow for a busy machine.
    await expect(status).toHaveText("Captured", { timeout: 45_000 });
    await expect(page.getByRole("table", { name: /Payment timeline/ })).toContainText(
      "OCTO sent a webhook about this payment.",
    );
  });

  test("a customer who declines is told the payment did not go through, never thanked", async ({ page }) => {
    await requestPayment(page, { flow: /one API call/, amount: "33.30", reference: `E2E-DECLINE-${unique}` });
    await customerPays(page, /Decline/, "Your payment did not go through");
    await expect(page.getByRole("status", { name: "Payment status" })).toHaveText("Declined", { timeout: 20_000 });
  });

  test("bad input names the field and the rule, and nothing is created", async ({ page }) => {
    await page.goto("/payments/new");
    await page.getByLabel("Amount").fill("10.05");
    await page.getByRole("button", { name: "Request payment" }).click();
    await expect(page.getByText("Amount must be a multiple of 0.10 for Octopus", { exact: true })).toBeVisible();
    await page.getByLabel("Amount").fill("12.345");
    await page.getByLabel("Reference (optional)").fill("has spaces");
    await page.getByRole("button", { name: "Request payment" }).click();
    await expect(page.getByText("Amount has more decimals than HKD allows", { exact: true })).toBeVisible();
    await expect(
      page.getByText("Reference may contain only letters, digits, dot, dash and underscore", { exact: true }),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/payments\/new$/);
  });

  test("after a refusal the form keeps the flow, currency and every field; fixing only the bad one requests exactly that", async ({
    page,
  }) => {
    const reference = `E2E-KEEP-${unique}`;
    await page.goto("/payments/new");
    await page.getByRole("radio", { name: /OCTO/ }).check();
    await page.getByLabel("Currency").selectOption("RUB");
    await page.getByLabel("Amount").fill("15000.50");
    await page.getByLabel("Reference (optional)").fill(`${reference}!`);
    await page.getByLabel("Customer email (optional)").fill("keep@example.test");
    await page.getByLabel("Customer name (optional)").fill("Kept Typed");
    await page.getByRole("button", { name: "Request payment" }).click();
    await expect(
      page.getByText("Reference may contain only letters, digits, dot, dash and underscore", { exact: true }),
    ).toBeVisible();
    await expect(page.getByRole("radio", { name: /OCTO/ })).toBeChecked();
    await expect(page.getByLabel("Currency")).toHaveValue("RUB");
    await expect(page.getByLabel("Amount")).toHaveValue("15000.50");
    await expect(page.getByLabel("Reference (optional)")).toHaveValue(`${reference}!`);
    await expect(page.getByLabel("Customer email (optional)")).toHaveValue("keep@example.test");
    await expect(page.getByLabel("Customer name (optional)")).toHaveValue("Kept Typed");

    await page.getByLabel("Reference (optional)").fill(reference);
    await page.getByRole("button", { name: "Request payment" }).click();
    await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1, name: `Payment ${reference}` })).toBeVisible();
    await expect(page.getByRole("main")).toContainText(/RUB\s15,000\.50/);
  });

  test("ops can watch payments but not request them", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateOf("ops") });
    const page = await context.newPage();
    expect((await page.goto("/payments/new"))?.status()).toBe(403);
    await context.close();
  });
});
