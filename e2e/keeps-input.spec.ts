import { expect, test, type Browser, type Page } from "@playwright/test";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { storageStateOf, type RoleName } from "./support/roles";
import { expectSignedIn, signInError } from "./support/sign-in";
import { answerStepUp, answerStepUpIfAsked, staleSessionPage, stepUpDialog } from "./support/step-up";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

/**
 * Every form that the server can refuse keeps what was typed: each test submits one bad value,
 * checks every other field still holds what was typed, fixes only that field, and checks the
 * result is exactly what was typed. Passwords and one-time codes are the exception: they are
 * cleared on purpose, and the page says so.
 */
const unique = Date.now().toString(36).toUpperCase();

async function pageAs(browser: Browser, role: RoleName) {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { context, page: await context.newPage() };
}

async function openRefundDialog(page: Page) {
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund this payment" });
  await expect(dialog).toBeVisible();
  return dialog;
}

test.describe("[FORMS] refund dialog", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("Issue refund is off while a rule fails, with the sentence saying why beside it; fixing the amount turns it on", async ({
    page,
  }) => {
    await capturedOctopusPayment(page, `E2E-KEEP-OFF-${unique}`);
    const dialog = await openRefundDialog(page);
    const issue = dialog.getByRole("button", { name: "Issue refund" });
    const why = dialog.locator("#refund-blocked");
    await dialog.getByRole("radio", { name: "Partial" }).check();
    const amount = dialog.getByLabel("Amount");

    await amount.fill("10.05");
    await expect(issue).toBeDisabled();
    await expect(why).toHaveText(
      "Issue refund is off until this is fixed: HK$10.05 must be a multiple of HK$0.10: Octopus refund amounts end in 0.",
    );
    await expect(issue).toHaveAccessibleDescription(
      "Issue refund is off until this is fixed: HK$10.05 must be a multiple of HK$0.10: Octopus refund amounts end in 0.",
    );
    await expect(why).toHaveAttribute("aria-live", "polite");

    // The typed text itself: the field says what is wrong, before anything is sent.
    await amount.fill("10,0");
    await expect(issue).toBeDisabled();
    await expect(dialog.getByText("Amount must be a number such as 125.50 or 1,250.00", { exact: true })).toBeVisible();
    await expect(amount).toHaveAttribute("aria-invalid", "true");
    await expect(why).toHaveText(
      "Issue refund is off until this is fixed: the amount must be a number such as 125.50 or 1,250.00.",
    );

    await amount.fill("1,000.00");
    await expect(why).toHaveText(
      "Issue refund is off until this is fixed: HK$1,000.00 is more than the HK$100.00 still refundable (captured HK$100.00, HK$0.00 already refunded or in flight).",
    );

    await amount.fill("10.00");
    await expect(issue).toBeEnabled();
    await expect(why).toHaveText("");
    await expect(issue).not.toHaveAccessibleDescription(/./);
    await expect(dialog.getByText("Refund of HK$10.00 passes every rule.")).toBeVisible();
    await dialog.getByRole("button", { name: "Cancel" }).click();
  });

  test("a refusal keeps amount and note; choosing only the reason sends exactly that refund, stored as its reason", async ({
    page,
  }) => {
    await capturedOctopusPayment(page, `E2E-KEEP-RF-${unique}`);
    const dialog = await openRefundDialog(page);
    await dialog.getByRole("radio", { name: "Partial" }).check();
    await dialog.getByLabel("Amount").fill("10.00");
    await dialog.getByLabel(/^Note/).fill("Kept after a refusal");
    // No reason chosen: the server names the field.
    await dialog.getByRole("button", { name: "Issue refund" }).click();
    await expect(dialog.getByRole("status")).toHaveText("Check the form: Reason must be one of the listed reasons.");
    await expect(dialog.getByRole("radio", { name: "Partial" })).toBeChecked();
    await expect(dialog.getByLabel("Amount")).toHaveValue("10.00");
    await expect(dialog.getByLabel(/^Note/)).toHaveValue("Kept after a refusal");

    await dialog.getByLabel("Reason").selectOption({ label: "Duplicate payment" });
    await dialog.getByRole("button", { name: "Issue refund" }).click();
    await expect(dialog).toBeHidden();
    const refund = page.getByTestId("refund");
    await expect(refund).toHaveCount(1);
    await expect(refund).toContainText("HK$10.00");
    // Stored as its value, shown with its label.
    await expect(refund).toContainText("Reason: Duplicate payment");
    await expect(refund).toContainText("Kept after a refusal");
    await expect(refund).not.toContainText("duplicate");
  });

  test("the server still refuses a rule broken behind the disabled button", async ({ page }) => {
    await capturedOctopusPayment(page, `E2E-KEEP-SRV-${unique}`);
    const dialog = await openRefundDialog(page);
    await dialog.getByRole("radio", { name: "Partial" }).check();
    await dialog.getByLabel("Amount").fill("150.00");
    await dialog.getByLabel("Reason").selectOption({ label: "Customer request" });
    await expect(dialog.getByRole("button", { name: "Issue refund" })).toBeDisabled();
    // A script (or a stale page) can still submit the form: the server checks everything again.
    await dialog.getByRole("form", { name: "Refund" }).evaluate((form: HTMLFormElement) => form.requestSubmit());
    await expect(dialog.getByRole("status")).toHaveText(
      "Refund refused: HK$150.00 is more than the HK$100.00 still refundable (captured HK$100.00, HK$0.00 already refunded or in flight).",
    );
    await expect(dialog.getByLabel("Amount")).toHaveValue("150.00");
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("No refunds for this payment.")).toBeVisible();
  });
});

interface SettingsForm {
  form: string;
  field: string;
  save: string;
  bad: { value: string; status: string };
  good: { value: string; status: string | RegExp };
}

/** One settings form (each save needs step-up): the bad value refused and kept, then only it fixed and saved. */
async function refusedThenSaved(
  browser: Browser,
  { form: formName, field: fieldLabel, save, bad, good }: SettingsForm,
): Promise<Page> {
  const { page } = await pageAs(browser, "admin");
  await page.goto("/settings");
  const form = page.getByRole("form", { name: formName });
  const field = form.getByLabel(fieldLabel);
  await field.fill(bad.value);
  await form.getByRole("button", { name: save }).click();
  await answerStepUpIfAsked(page, "admin", form.getByText("Check the form"));
  await expect(form.getByRole("status")).toHaveText(bad.status);
  await expect(field).toHaveValue(bad.value);
  await expect(field).toHaveAttribute("aria-invalid", "true");

  await field.fill(good.value);
  await form.getByRole("button", { name: save }).click();
  await answerStepUpIfAsked(page, "admin", form.getByRole("status").filter({ hasText: good.status }));
  await expect(form.getByRole("status")).toHaveText(good.status);
  return page;
}

test.describe("[FORMS] settings", () => {
  test("the RUB approval threshold: too many decimals refused and kept, fixed, saved as typed", async ({ browser }) => {
    const page = await refusedThenSaved(browser, {
      form: "RUB approval threshold",
      field: "RUB threshold",
      save: "Save RUB",
      bad: { value: "50,000.005", status: "Check the form: Amount has more decimals than RUB allows." },
      // RUB's default: no other spec's refunds change.
      good: { value: "50,000.00", status: /^Refunds above RUB\s50,000\.00 now need a second person's approval\.$/ },
    });
    await expect(page.getByTestId("threshold-RUB")).toContainText(/refunds above RUB\s50,000\.00 need approval/);
    await page.context().close();
  });

  test("the USD low-balance threshold: not a number refused and kept, fixed, saved as typed", async ({ browser }) => {
    const page = await refusedThenSaved(browser, {
      form: "USD low-balance threshold",
      field: "USD low-balance threshold",
      save: "Save USD warning",
      bad: { value: "9.999.999", status: "Check the form: Amount must be a number such as 500.00 or 1,500.00." },
      // The value wallet.spec sets too, so the two specs agree whichever runs last.
      good: { value: "9,999,999.00", status: "USD wallets below $9,999,999.00 now show a low-balance warning." },
    });
    await page.context().close();
  });
});

test.describe("[FORMS] orders", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("confirm order: a bad email is refused and the sandbox outcome kept; fixing only the email places that order", async ({
    page,
  }) => {
    await page.goto("/orders/new?vertical=voucher&search=Steam");
    const row = page.getByTestId("voucher-product-123");
    await row.getByLabel("Denomination (USD)").selectOption("20.00");
    await row.getByRole("button", { name: "Get quote" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Review and confirm" })).toBeVisible();
    const form = page.getByRole("form", { name: "Confirm order" });
    await form.getByLabel("Send the codes to (optional)").fill("codes-at-example.test");
    await form.getByLabel("Sandbox outcome").selectOption("SIM_PENDING");
    await form.getByRole("button", { name: "Confirm and pay" }).click();
    await expect(form.getByText("Send the codes to must be an email address", { exact: true })).toBeVisible();
    await expect(page).toHaveURL(/\/orders\/new\/quote/);
    await expect(form.getByLabel("Send the codes to (optional)")).toHaveValue("codes-at-example.test");
    await expect(form.getByLabel("Sandbox outcome")).toHaveValue("SIM_PENDING");

    const email = `codes-${unique.toLowerCase()}@example.test`;
    await form.getByLabel("Send the codes to (optional)").fill(email);
    await form.getByRole("button", { name: "Confirm and pay" }).click();
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
    await expect(page.getByText("Codes sent to").locator("..")).toContainText(email);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Pending");
  });
});

test.describe("[FORMS] users, sign-in and roles", () => {
  test.describe.configure({ mode: "serial" });
  const email = `keep-${unique.toLowerCase()}@example.test`;
  const firstPassword = "lighthouse pebble orchard rain";
  const secondPassword = "copper meadow violin sunrise";

  test("reset password: a common password is refused and kept; typing a strong one sets exactly that", async ({
    browser,
  }) => {
    const { context, page } = await pageAs(browser, "admin");
    await page.goto("/users");
    const create = page.getByRole("form", { name: "Create user" });
    await create.getByLabel("Email").fill(email);
    await create.getByLabel("Name").fill("Keeps Input");
    await create.getByLabel("Role").selectOption("merchant");
    await create.getByLabel("Initial password").fill(firstPassword);
    await create.getByRole("button", { name: "Create user" }).click();
    await answerStepUpIfAsked(page, "admin", create.getByText(`Created ${email}`));

    const row = page.getByTestId(`user-${email}`);
    await row.getByRole("button", { name: "Reset password" }).click();
    const password = row.getByLabel(`New password for ${email}`);
    await password.fill("password1234");
    await row.getByRole("button", { name: "Set password", exact: true }).click();
    await answerStepUpIfAsked(page, "admin", row.getByText(/too common/));
    await expect(row.getByRole("status")).toContainText("Password is too common or too easy to guess");
    await expect(password).toHaveValue("password1234");

    await password.fill(secondPassword);
    await row.getByRole("button", { name: "Set password", exact: true }).click();
    await expect(row.getByRole("status")).toHaveText(`Password of ${email} reset; their sessions were ended.`);
    await expect(password).toHaveValue("");
    await context.close();
  });

  test("sign-in: a wrong password keeps the email, clears the password and says so; the right one signs in", async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await page.goto("/sign-in");
    const form = page.getByRole("form", { name: "Sign in" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Password").fill(firstPassword);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expect(signInError(page)).toHaveText("Email or password is incorrect.");
    await expect(form.getByLabel("Email")).toHaveValue(email);
    await expect(form.getByLabel("Password")).toHaveValue("");
    await expect(form.getByLabel("Password")).toHaveAccessibleDescription(
      "Type your password again: it is cleared after every refusal, so it never stays on the page.",
    );

    await form.getByLabel("Password").fill(secondPassword);
    await form.getByRole("button", { name: "Sign in" }).click();
    await expectSignedIn(page, email);
    await context.close();
  });

  test("change role: a refusal (no second factor given) keeps the chosen role; saving it again changes exactly that", async ({
    browser,
  }) => {
    const { context, page } = await staleSessionPage(browser, "admin");
    await page.goto("/users");
    const row = page.getByTestId(`user-${email}`);
    const role = row.getByLabel(`Role of ${email}`);
    await role.selectOption("ops");
    await row.getByRole("button", { name: "Save role" }).click();
    await expect(stepUpDialog(page)).toBeVisible();
    await stepUpDialog(page).getByRole("button", { name: "Cancel" }).click();
    await expect(row.getByRole("status")).toHaveText(
      "Nothing was changed: this needs a code from your authenticator app.",
    );
    await expect(role).toHaveValue("ops");

    await row.getByRole("button", { name: "Save role" }).click();
    await answerStepUp(page, "admin");
    await expect(row.getByRole("status")).toHaveText(`${email} is now ops.`);
    await page.reload();
    await expect(page.getByTestId(`user-${email}`).getByLabel(`Role of ${email}`)).toHaveValue("ops");
    await context.close();
  });
});

// This spec places orders: whatever they did, every wallet still agrees with the provider.
test.afterAll(async ({ browser }) => {
  await expectWalletsReconciled(browser);
});
