import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations, scanPageInBothThemes } from "./support/axe";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { issuePartialRefund } from "./support/partial-refund";
import { pageAccess } from "./support/page-access";
import { roleNames, storageStateOf, type RoleName } from "./support/roles";
import { staleSessionPage, stepUpDialog, wrongTotpCodeOf } from "./support/step-up";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

// Issue #7: every page of the app scanned with axe-core (WCAG 2.0/2.1 A and AA) in Chromium, as a
// role that can see it, with data on the pages that show data. Serial: the first tests make the data.
// Each test scans several pages in two themes: more than a minute on a busy two-core machine.
test.describe.configure({ mode: "serial", timeout: 180_000 });

const unique = Date.now().toString(36).toUpperCase();
const checkoutKey = "sk_sbox_ilsiupcx3to6hcfg3qhjgamtvdm";
const processingChannelId = "pc_romtaijp4aifqvosemoob3xcio";
const octoShop = { octo_shop_id: 27061, octo_secret: "027f85c1-4705-46c4-a2fd-dc6edd779fbb" };

let paymentPath = "";
let orderPath = "";

async function pageAs(browser: Browser, role: RoleName): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { page: await context.newPage(), close: () => context.close() };
}

const scan = scanPageInBothThemes;

test("finance's payment detail, with a refund and with the refund dialog open", async ({ browser }) => {
  const { page, close } = await pageAs(browser, "finance");
  paymentPath = new URL(await capturedOctopusPayment(page, `E2E-A11Y-${unique}`)).pathname;
  await expectNoAxeViolations(page, "payment detail (captured)");

  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund this payment" });
  await expect(dialog).toBeVisible();
  await expectNoAxeViolations(page, "refund dialog open (full)");
  await dialog.getByRole("radio", { name: "Partial" }).check();
  await dialog.getByLabel("Amount").fill("15.00");
  await expectNoAxeViolations(page, "refund dialog open (partial, a rule broken)");
  await dialog.getByLabel("Amount").fill("20.00");
  await dialog.getByLabel("Reason").selectOption({ label: "Customer request" });
  await dialog.getByRole("button", { name: "Issue refund" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("refund").first()).toContainText("HK$20.00");
  await expectNoAxeViolations(page, "payment detail with a refund");

  // The timeline with the refund's entries and our calls' request and response bodies open.
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.reload();
    const calls = page.getByRole("table", { name: "Payment timeline, oldest first" }).getByTestId("api-call");
    await expect(calls.first()).toBeVisible();
    for (const summary of await calls.locator("summary").all()) await summary.click();
    await expect(calls.locator("pre").first()).toBeVisible();
    await expectNoAxeViolations(page, `payment timeline with call bodies open (${colorScheme})`);
  }
  await page.emulateMedia({ colorScheme: "light" });
  await close();
});

test("the refund dialog with Issue refund off and the sentence saying why, light and dark", async ({ browser }) => {
  const { page, close } = await pageAs(browser, "finance");
  for (const colorScheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(paymentPath);
    await expect(page.locator("html")).toHaveClass(colorScheme === "dark" ? /dark/ : /^(?!.*dark)/);
    await page.getByRole("button", { name: "Refund…" }).click();
    const dialog = page.getByRole("dialog", { name: "Refund this payment" });
    await dialog.getByRole("radio", { name: "Partial" }).check();
    await dialog.getByLabel("Amount").fill("10.05");
    await expect(dialog.getByRole("button", { name: "Issue refund" })).toBeDisabled();
    await expect(dialog.getByRole("button", { name: "Issue refund" })).toHaveAccessibleDescription(
      /^Issue refund is off until this is fixed: /,
    );
    await expectNoAxeViolations(page, `refund dialog, Issue refund off (${colorScheme})`);
  }
  await close();
});

test("a declined refund's Action needed and follow-up form, on the payment and the monitor", async ({ browser }) => {
  const { page, close } = await pageAs(browser, "finance");
  const declinedPath = new URL(await capturedOctopusPayment(page, `E2E-A11Y-FU-${unique}`)).pathname;
  // Ends in 10: declined by Octopus in the sandbox.
  await issuePartialRefund(page, "20.10");
  await expect(page.getByTestId("action-needed").first()).toBeVisible({ timeout: 30_000 });
  await scan(page, declinedPath, "payment detail with a refund that needs action");
  await scan(page, "/refunds", "refunds monitor with a refund that needs action");
  await close();
});

test("merchant's order steps: catalogue, quote, order detail", async ({ browser }) => {
  // Four catalogue pages in two themes, then the quote and the order: more than a minute on a busy machine.
  test.setTimeout(180_000);
  const { page, close } = await pageAs(browser, "merchant");
  await scan(page, "/orders/new?vertical=voucher&search=Steam", "new order: vouchers found");
  await scan(page, "/orders/new?vertical=topup&phone=%2B85251234567", "new order: topup operators found");
  await page.getByRole("link", { name: /CSL Hong Kong/ }).click();
  await expect(page.getByTestId("topup-variant-72")).toBeVisible();
  await expectNoAxeViolations(page, "new order: topup variants");
  await scan(page, "/orders/new?vertical=esim&country=HKG", "new order: eSIM plans");

  await page.goto("/orders/new?vertical=voucher&search=Steam");
  const row = page.getByTestId("voucher-product-123");
  await row.getByLabel("Denomination (USD)").selectOption("20.00");
  await row.getByRole("button", { name: "Get quote" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review and confirm" })).toBeVisible();
  await expectNoAxeViolations(page, "order quote step");
  await page.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  orderPath = new URL(page.url()).pathname;
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expectNoAxeViolations(page, "order detail");
  await close();
});

for (const role of roleNames) {
  test(`every dashboard page ${role} can open, with its account page`, async ({ browser }) => {
    // Up to a dozen pages (the account page among them), each scanned in both themes: about fifteen
    // seconds a page on two busy cores.
    test.setTimeout(360_000);
    const { page, close } = await pageAs(browser, role);
    for (const [path, allowed] of Object.entries(pageAccess)) {
      if (allowed.includes(role)) await scan(page, path, `${path} as ${role}`);
    }
    await close();
  });
}

test("detail pages as the other roles that see them, the 403 page and the not-found pages", async ({ browser }) => {
  const ops = await pageAs(browser, "ops");
  await scan(ops.page, paymentPath, "payment detail as ops");
  await scan(ops.page, orderPath, "order detail as ops");
  await scan(ops.page, "/audit", "403 page");
  await scan(ops.page, "/payments/00000000-0000-4000-8000-00000000dead", "unknown payment (not found)");
  await scan(ops.page, "/no-such-page", "not-found page");
  await ops.close();
});

test("the refunds monitor with its filters open in a chosen zone, and as cards at phone width", async ({ browser }) => {
  const ops = await pageAs(browser, "ops");
  await scan(
    ops.page,
    "/refunds?provider=checkout&tz=Asia%2FHong_Kong",
    "refunds monitor, filters open, Hong Kong time",
  );
  await ops.page.getByTestId("refund-row").getByRole("checkbox").first().check();
  await expectNoAxeViolations(ops.page, "refunds monitor with a selection");
  await ops.page.setViewportSize({ width: 390, height: 844 });
  await scan(ops.page, "/refunds", "refunds monitor at 390 px");
  await ops.close();
});

test.describe("pages without a session", () => {
  test("sign-in (empty, then with an error) and the page customers return to", async ({ page }) => {
    await scan(page, "/sign-in", "sign-in");
    await page.getByLabel("Email").fill("nobody@demo.test");
    await page.getByLabel("Password").fill("wrong password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).not.toBeEmpty();
    await expectNoAxeViolations(page, "sign-in with an error");
    await scan(page, "/payment-complete", "payment complete");
  });

  test("the Octopus landing page customers see (pending, decided, unknown link)", async ({
    page,
    request,
    baseURL,
  }) => {
    const created = await request.post("/api/sandbox/checkout/payments", {
      headers: { Authorization: `Bearer ${checkoutKey}` },
      data: {
        amount: 12300,
        currency: "HKD",
        source: { type: "octopus" },
        reference: `E2E-A11Y-LANDING-${unique}`,
        processing_channel_id: processingChannelId,
        success_url: `${baseURL}/payment-complete`,
        failure_url: `${baseURL}/payment-complete`,
      },
    });
    const landingUrl = ((await created.json()) as { processing: { landing_url: string } }).processing.landing_url;
    await scan(page, landingUrl, "Octopus landing page (pending)");
    await page.getByRole("button", { name: /Decline/ }).click();
    await page.waitForURL(/payment-complete/);
    await scan(page, landingUrl, "Octopus landing page (decided)");
    await scan(page, "/api/sandbox/checkout/octopus/landing/no-such-token", "Octopus landing page (unknown link)");
  });

  test("the OCTO payment page customers see (open, decided, already decided, unknown)", async ({
    page,
    request,
    baseURL,
  }) => {
    const created = await request.post("/api/sandbox/octo/prepare_payment", {
      data: {
        ...octoShop,
        shop_transaction_id: `e2e-a11y-${unique}`,
        auto_capture: true,
        test: true,
        init_time: "2026-01-15 10:00:00",
        total_sum: 20.0,
        currency: "USD",
        description: "Accessibility check",
        return_url: `${baseURL}/payment-complete`,
      },
    });
    const payUrl = ((await created.json()) as { data: { octo_pay_url: string } }).data.octo_pay_url;
    await scan(page, payUrl, "OCTO pay page (open)");
    const uuid = new URL(payUrl).pathname.split("/").pop() ?? "";
    expect((await request.post(`/api/sandbox/octo/pay/${uuid}/decline`, { maxRedirects: 0 })).status()).toBe(303);
    await scan(page, payUrl, "OCTO pay page (decided)");
    const again = await request.post(`/api/sandbox/octo/pay/${uuid}/approve`, { maxRedirects: 0 });
    expect(again.status()).toBe(409);
    await page.setContent(await again.text());
    await expectNoAxeViolations(page, "OCTO pay page (already decided)");
    await scan(page, "/api/sandbox/octo/pay/no-such-payment", "OCTO pay page (unknown)");
  });
});

test("the step-up dialog, asking and after a wrong code, in the light and the dark theme", async ({ browser }) => {
  for (const colorScheme of ["light", "dark"] as const) {
    const { context, page } = await staleSessionPage(browser, "finance", { colorScheme });
    await page.goto("/payments");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const dialog = stepUpDialog(page);
    await expect(dialog).toBeVisible();
    await expectNoAxeViolations(page, `step-up dialog (${colorScheme})`);
    await dialog.getByLabel("Authenticator code").fill(await wrongTotpCodeOf("finance"));
    await dialog.getByRole("button", { name: "Confirm" }).click();
    await expect(dialog.getByRole("alert")).toBeVisible();
    await expectNoAxeViolations(page, `step-up dialog after a wrong code (${colorScheme})`);
    await dialog.getByRole("button", { name: "Use a recovery code instead" }).click();
    await expect(dialog.getByLabel("Recovery code")).toBeVisible();
    await expectNoAxeViolations(page, `step-up dialog, recovery code (${colorScheme})`);
    await context.close();
  }
});

// This spec places orders: whatever they did, every wallet still agrees with the provider.
test.afterAll(async ({ browser }) => {
  await expectWalletsReconciled(browser);
});
