import { expect, test, type Browser, type Page } from "@playwright/test";
import { storageStateOf } from "./support/roles";
import { callServerAction } from "./support/server-actions";
import { answerStepUpIfAsked, freshenSession } from "./support/step-up";
import { expectSignedIn, signInAs, signInError } from "./support/sign-in";

test.use({ storageState: storageStateOf("admin") });

async function createUserViaForm(page: Page, user: { email: string; name: string; role: string; password: string }) {
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await answerStepUpIfAsked(page, "admin", form.getByText(`Created ${user.email}`));
  await expect(form.getByRole("status")).toContainText(`Created ${user.email}`);
}

async function signedInElsewhere(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAs(page, email, password);
  await expectSignedIn(page, email);
  return { context, page };
}

test.describe("[USERS] admin manages users", () => {
  test("bad input names the field and the rule, and creates nothing", async ({ page }) => {
    await page.goto("/users");
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("Email").fill("not-an-email");
    await form.getByLabel("Name").fill("Someone");
    await form.getByLabel("Initial password").fill("short");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByText("Email must be a valid email address", { exact: true })).toBeVisible();
    await expect(form.getByText("Initial password must be at least 12 characters", { exact: true })).toBeVisible();
    await expect(form.getByRole("status")).toHaveText(
      "Check the form: Email must be a valid email address. Password must be at least 12 characters.",
    );
    await expect(page.getByText("not-an-email")).toHaveCount(0);
  });

  test("a common password is refused with a field error, and the form keeps what was typed", async ({ page }) => {
    const email = `common-${Date.now()}@example.test`;
    await page.goto("/users");
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Common Password");
    await form.getByLabel("Role").selectOption("finance");
    await form.getByLabel("Initial password").fill("password1234");
    await form.getByRole("button", { name: "Create user" }).click();
    // The strength check comes after the second factor: a session older than its window is asked first.
    const refusal = form.getByText(/^Initial password is too common or too easy to guess: .+\.$/);
    await answerStepUpIfAsked(page, "admin", refusal);
    await expect(refusal).toBeVisible();
    await expect(form.getByRole("status")).toContainText("Password is too common or too easy to guess");
    await expect(form.getByLabel("Email")).toHaveValue(email);
    await expect(form.getByLabel("Name")).toHaveValue("Common Password");
    await expect(form.getByLabel("Role")).toHaveValue("finance");
    await expect(page.getByTestId(`user-${email}`)).toHaveCount(0);

    await form.getByLabel("Initial password").fill("tangerine octopus marble quiet");
    await form.getByRole("button", { name: "Create user" }).click();
    await expect(form.getByRole("status")).toContainText(`Created ${email} as finance`);
    await expect(form.getByLabel("Email")).toHaveValue("");
  });

  test("a role change applies on the user's next request", async ({ page, browser }) => {
    const user = {
      email: `role-${Date.now()}@example.test`,
      name: "Role Change",
      role: "ops",
      password: "swap the badge quickly",
    };
    await createUserViaForm(page, user);
    const other = await signedInElsewhere(browser, user.email, user.password);
    await expect(
      other.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallet" }),
    ).toHaveCount(0);

    const row = page.getByTestId(`user-${user.email}`);
    await row.getByLabel(`Role of ${user.email}`).selectOption("merchant");
    await row.getByRole("button", { name: "Save role" }).click();
    await answerStepUpIfAsked(page, "admin", row.getByText(`${user.email} is now merchant`));
    await expect(row.getByRole("status")).toContainText(`${user.email} is now merchant`);

    await other.page.reload();
    await expect(other.page.getByTestId("signed-in-role")).toHaveText("Merchant");
    await expect(
      other.page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Wallet" }),
    ).toBeVisible();
    expect((await other.page.goto("/payments"))?.status()).toBe(403);
    await other.context.close();
  });

  test("disabling a user signs them out at once; enabling lets them back in", async ({ page, browser }) => {
    const user = {
      email: `disable-${Date.now()}@example.test`,
      name: "To Disable",
      role: "finance",
      password: "disable me password",
    };
    await createUserViaForm(page, user);
    const other = await signedInElsewhere(browser, user.email, user.password);

    const row = page.getByTestId(`user-${user.email}`);
    await row.getByRole("button", { name: "Disable" }).click();
    await answerStepUpIfAsked(page, "admin", row.getByText("disabled and signed out"));
    await expect(row.getByRole("status")).toContainText("disabled and signed out");

    await other.page.goto("/payments");
    await expect(other.page).toHaveURL(/\/sign-in/);
    await signInAs(other.page, user.email, user.password);
    await expect(signInError(other.page)).toHaveText("This account is disabled. Ask an administrator to enable it.");

    await row.getByRole("button", { name: "Enable" }).click();
    await answerStepUpIfAsked(page, "admin", row.getByText("is enabled"));
    await expect(row.getByRole("status")).toContainText("is enabled");
    await signInAs(other.page, user.email, user.password);
    await expectSignedIn(other.page, user.email);
    await other.context.close();
  });

  test("a password reset ends the user's sessions and only the new password works", async ({ page, browser }) => {
    const user = {
      email: `reset-${Date.now()}@example.test`,
      name: "To Reset",
      role: "ops",
      password: "original password 1",
    };
    await createUserViaForm(page, user);
    const other = await signedInElsewhere(browser, user.email, user.password);

    const row = page.getByTestId(`user-${user.email}`);
    await row.getByRole("button", { name: "Reset password" }).click();
    await row.getByLabel(`New password for ${user.email}`).fill("the new password 2");
    await row.getByRole("button", { name: "Set password", exact: true }).click();
    await answerStepUpIfAsked(page, "admin", row.getByText("their sessions were ended"));
    await expect(row.getByRole("status")).toContainText("their sessions were ended");

    await other.page.goto("/payments");
    await expect(other.page).toHaveURL(/\/sign-in/);
    await signInAs(other.page, user.email, user.password);
    await expect(signInError(other.page)).toHaveText("Email or password is incorrect.");
    await signInAs(other.page, user.email, "the new password 2");
    await expectSignedIn(other.page, user.email);
    await other.context.close();
  });

  test("every change is in the audit log, filterable by action", async ({ page }) => {
    const user = {
      email: `audited-${Date.now()}@example.test`,
      name: "Audited",
      role: "ops",
      password: "ledger watched closely 1",
    };
    await createUserViaForm(page, user);
    await page.goto("/audit?action=user.created");
    const table = page.getByRole("table");
    await expect(table.getByRole("row").filter({ hasText: user.email })).toContainText("admin@demo.test");
    await expect(table.getByRole("cell", { name: "auth.sign_in" })).toHaveCount(0);
  });

  test("the admin's own direct server action call goes through (the refusal tests are not vacuous)", async ({
    page,
    baseURL,
  }) => {
    const email = `direct-${Date.now()}@example.test`;
    await freshenSession(page.request, baseURL!, "admin");
    const result = await callServerAction(
      page.request,
      baseURL!,
      { file: "lib/app/actions/users/create-user.ts", name: "createUserAction" },
      {
        email,
        name: "Direct Call",
        role: "ops",
        password: "a long enough password",
      },
    );
    expect(result.body).toContain('"ok":true');
    await page.goto("/users");
    await expect(page.getByText(email)).toBeVisible();
  });
});
