import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { callServerAction } from "./support/server-actions";
import { expectSignedIn, signInAs } from "./support/sign-in";
import { sandboxControlHeaders } from "./support/sandbox-control";
import { answerStepUp, freshenSession, staleSessionPage, stepUpDialog, wrongTotpCodeOf } from "./support/step-up";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

/**
 * Step-up: a second factor verified in the last STEP_UP_MAX_AGE_MINUTES before money moves or
 * power changes hands. Every test signs in a session of its own (password only), so its second
 * factor is stale whatever other specs did with the shared sessions.
 */
const unique = Date.now().toString(36).toUpperCase();
const refundStatuses = (page: Page) => page.getByTestId("refund").getByRole("status", { name: "Refund status" });

async function openPartialRefund(page: Page, amount: string, note: string) {
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund this payment" });
  await dialog.getByRole("radio", { name: "Partial" }).check();
  await dialog.getByLabel("Amount").fill(amount);
  await dialog.getByLabel("Reason").selectOption({ label: "Duplicate payment" });
  await dialog.getByLabel(/^Note/).fill(note);
  return dialog;
}

test.describe("[STEP-UP] money and power need a fresh second factor", () => {
  test("a refund above the approval threshold asks for the code; a wrong one is refused, cancel keeps the values, the right one sends the user's own refund", async ({
    browser,
  }) => {
    const { context, page } = await staleSessionPage(browser, "finance");
    // Above the HK$10,000.00 default (and any lower threshold another spec set).
    await capturedOctopusPayment(page, `E2E-SU-BIG-${unique}`, "10020.00");
    const refund = await openPartialRefund(page, "10010.00", "Step-up check");
    await refund.getByRole("button", { name: "Issue refund" }).click();

    const stepUp = stepUpDialog(page);
    await expect(stepUp).toBeVisible();
    await expect(stepUp).toContainText("enter the code from your authenticator app");
    await expect(stepUp.getByLabel("Authenticator code")).toBeFocused();
    await stepUp.getByLabel("Authenticator code").fill(await wrongTotpCodeOf("finance"));
    await stepUp.getByRole("button", { name: "Confirm" }).click();
    await expect(stepUp.getByRole("alert")).toHaveText(
      "That code is not right. Check your authenticator app and try again.",
    );
    await expect(stepUp).toBeVisible();

    await stepUp.getByRole("button", { name: "Cancel" }).click();
    await expect(stepUp).toBeHidden();
    await expect(refund).toBeVisible();
    await expect(refund.getByRole("status")).toHaveText(
      "Nothing was changed: this needs a code from your authenticator app.",
    );
    await expect(refund.getByLabel("Amount")).toHaveValue("10010.00");
    await expect(refund.getByLabel("Reason")).toHaveValue("duplicate");
    await expect(refund.getByLabel(/^Note/)).toHaveValue("Step-up check");
    await expect(page.getByTestId("refund")).toHaveCount(0);

    // Nothing retyped: the same submission goes again once the code is accepted.
    await refund.getByRole("button", { name: "Issue refund" }).click();
    await answerStepUp(page, "finance");
    await expect(refund).toBeHidden();
    await expect(refundStatuses(page)).toHaveText(["Awaiting approval"]);
    await expect(page.getByTestId("refund")).toContainText("10,010.00");
    await context.close();
  });

  test("a refund below the threshold needs no code", async ({ browser }) => {
    const { context, page } = await staleSessionPage(browser, "finance");
    await capturedOctopusPayment(page, `E2E-SU-SMALL-${unique}`);
    const refund = await openPartialRefund(page, "20.00", "Small");
    await refund.getByRole("button", { name: "Issue refund" }).click();
    await expect(refund).toBeHidden();
    await expect(refundStatuses(page)).toHaveCount(1);
    await expect(stepUpDialog(page)).toHaveCount(0);
    await context.close();
  });

  test("an export asks for the code before the download starts; the route refuses a stale session itself", async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await staleSessionPage(browser, "finance");
    const direct = await page.request.get(`${baseURL}/api/payments/export`);
    expect(direct.status()).toBe(403);
    expect(((await direct.json()) as { error: { code: string } }).error.code).toBe("STEP_UP_REQUIRED");

    await page.goto("/payments");
    let downloaded = false;
    const download = page.waitForEvent("download").then((d) => ((downloaded = true), d));
    await page.getByRole("link", { name: "Export CSV" }).click();
    await expect(stepUpDialog(page)).toBeVisible();
    expect(downloaded).toBe(false);
    await answerStepUp(page, "finance");
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
    expect(readFileSync((await file.path())!, "utf8")).toContain("reference");
    await context.close();
  });

  test("revealing voucher codes asks for the code first", async ({ browser }) => {
    const { context, page } = await staleSessionPage(browser, "merchant");
    await page.goto("/orders/new");
    await page.getByLabel("Name").fill("Steam");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByTestId("voucher-product-123");
    await row.getByLabel("Denomination (USD)").selectOption("20.00");
    await row.getByRole("button", { name: "Get quote" }).click();
    await page.getByRole("button", { name: "Confirm and pay" }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    expect(
      (
        await page.request.post("/api/sandbox-control/clock/advance", {
          headers: sandboxControlHeaders,
          data: { minutes: 2 },
        })
      ).ok(),
    ).toBe(true);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });

    const codes = page.getByRole("list", { name: "Voucher codes" });
    await page.getByRole("button", { name: "Reveal codes" }).click();
    await expect(stepUpDialog(page)).toBeVisible();
    await expect(codes.getByLabel("Code hidden")).toHaveCount(1);
    await answerStepUp(page, "merchant");
    await expect(page.getByText("this reveal is in the audit log")).toBeVisible();
    await expect(codes.getByLabel("Code hidden")).toHaveCount(0);
    await context.close();
  });

  test("creating a user asks the admin for the code; after a wrong one the right one, in the same dialog, creates exactly what was typed", async ({
    browser,
  }) => {
    const { context, page } = await staleSessionPage(browser, "admin");
    const email = `su-created-${unique.toLowerCase()}@example.test`;
    await page.goto("/users");
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Step Up Created");
    await form.getByLabel("Role").selectOption("finance");
    await form.getByLabel("Initial password").fill("velvet canyon lantern 58");
    await form.getByRole("button", { name: "Create user" }).click();
    const stepUp = stepUpDialog(page);
    await stepUp.getByLabel("Authenticator code").fill(await wrongTotpCodeOf("admin"));
    await stepUp.getByRole("button", { name: "Confirm" }).click();
    await expect(stepUp.getByRole("alert")).toHaveText(
      "That code is not right. Check your authenticator app and try again.",
    );
    // The dialog is usable again while the form's own submission still waits for it.
    await expect(stepUp.getByRole("button", { name: "Confirm" })).toBeEnabled();
    await answerStepUp(page, "admin");
    await expect(form.getByRole("status")).toHaveText(`Created ${email} as finance.`);
    await expect(page.getByTestId(`user-${email}`)).toContainText("Step Up Created");
    await context.close();
  });

  test("a user with no second factor is told to set one up on the Account page", async ({ browser, baseURL }) => {
    const admin = await staleSessionPage(browser, "admin");
    await freshenSession(admin.page.request, baseURL!, "admin");
    const user = {
      email: `su-nofactor-${unique.toLowerCase()}@example.test`,
      name: "No Factor",
      role: "ops",
      password: "marble hinge solar 39",
    };
    const created = await callServerAction(
      admin.page.request,
      baseURL!,
      { file: "lib/app/actions/users/create-user.ts", name: "createUserAction" },
      user,
    );
    expect(created.body).toContain('"ok":true');
    await admin.context.close();

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signInAs(page, user.email, user.password);
    await expectSignedIn(page, user.email);
    await page.goto("/payments");
    await page.getByRole("link", { name: "Export CSV" }).click();
    const stepUp = stepUpDialog(page);
    await expect(stepUp).toContainText("set up an authenticator app on the Account page first");
    await expect(stepUp.getByRole("link", { name: "Go to the Account page" })).toHaveAttribute("href", "/account");
    await expect(stepUp.getByLabel("Authenticator code")).toHaveCount(0);
    await stepUp.getByRole("button", { name: "Close" }).click();
    await expect(stepUp).toBeHidden();
    await context.close();
  });

  test("called directly without a fresh factor, a guarded action answers STEP_UP_REQUIRED and changes nothing", async ({
    browser,
    baseURL,
  }) => {
    const { context, page } = await staleSessionPage(browser, "admin");
    const email = `su-direct-${unique.toLowerCase()}@example.test`;
    const input = { email, name: "Direct", role: "admin", password: "a long enough password" };
    const result = await callServerAction(
      page.request,
      baseURL!,
      { file: "lib/app/actions/users/create-user.ts", name: "createUserAction" },
      input,
    );
    expect(result.body).toContain('"code":"STEP_UP_REQUIRED"');
    expect(result.body).toContain("enter the code from your authenticator app");
    expect(result.body).not.toContain('"ok":true');

    const threshold = await callServerAction(
      page.request,
      baseURL!,
      { file: "lib/app/actions/refunds/set-approval-threshold.ts", name: "setApprovalThresholdAction" },
      { currency: "HKD", amount: "1.00" },
    );
    expect(threshold.body).toContain('"code":"STEP_UP_REQUIRED"');

    await page.goto("/users");
    await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
    await expect(page.getByText(email)).toHaveCount(0);
    await page.goto("/settings");
    await expect(page.getByText("Now HK$1.00")).toHaveCount(0);
    await context.close();
  });
});

// This spec places orders: whatever they did, every wallet still agrees with the provider.
test.afterAll(async ({ browser }) => {
  await expectWalletsReconciled(browser);
});
