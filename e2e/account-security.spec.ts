import { answerStepUpIfAsked } from "./support/step-up";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { storageStateOf } from "./support/roles";
import { expectSignedIn, signInAs, signInError } from "./support/sign-in";

// ASVS 5.0 6.2.2/6.2.3 (change password), 7.4.3 (other sessions end with it), 7.5.2 (see and end
// one's own sessions), 7.4.5 (an admin signs a user out everywhere). Every user here is made by
// the admin through the Users page, so no demo user's password or sessions are touched.
test.use({ storageState: storageStateOf("admin") });

interface TestUser {
  email: string;
  name: string;
  role: "ops" | "merchant";
  password: string;
}

let counter = 0;
function newUser(role: TestUser["role"]): TestUser {
  counter += 1;
  return {
    email: `account-${Date.now()}-${counter}@example.test`,
    name: `Account ${counter}`,
    role,
    password: "first password of this user",
  };
}

async function createUserViaForm(page: Page, user: TestUser): Promise<void> {
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

/** A browser of its own (own cookies), signed in as the user. */
async function signedInBrowser(browser: Browser, email: string, password: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAs(page, email, password);
  await expectSignedIn(page, email);
  return { context, page };
}

async function expectSignedOut(page: Page): Promise<void> {
  await page.goto("/account");
  await expect(page).toHaveURL(/\/sign-in/);
}

const sessionRows = (page: Page) => page.getByRole("list", { name: "Your active sessions" }).getByTestId("session");

async function changePassword(page: Page, values: { current: string; next: string; confirm?: string }): Promise<void> {
  const form = page.getByRole("form", { name: "Change password" });
  await form.getByLabel("Current password").fill(values.current);
  await form.getByLabel("New password", { exact: true }).fill(values.next);
  await form.getByLabel("Confirm new password").fill(values.confirm ?? values.next);
  await form.getByRole("button", { name: "Change password" }).click();
}

test.describe("[ACCOUNT] password and sessions", () => {
  // Each test signs in several browsers (an argon2 check each) and the machine is shared.
  test.describe.configure({ timeout: 120_000 });

  test("a user changes their password: a wrong current one is refused, the other session ends, this one stays", async ({
    page,
    browser,
  }) => {
    const user = newUser("ops");
    await createUserViaForm(page, user);
    const here = await signedInBrowser(browser, user.email, user.password);
    const elsewhere = await signedInBrowser(browser, user.email, user.password);

    await here.page.goto("/account");
    await expect(sessionRows(here.page)).toHaveCount(2);
    await expect(sessionRows(here.page).filter({ hasText: "This session" })).toHaveCount(1);
    const form = here.page.getByRole("form", { name: "Change password" });
    await expect(form.getByLabel("Current password")).toHaveAttribute("autocomplete", "current-password");
    await expect(form.getByLabel("New password", { exact: true })).toHaveAttribute("type", "password");

    await changePassword(here.page, { current: "not my password at all", next: "my second password here" });
    await expect(form.getByRole("status")).toHaveText(
      "Your current password was not right, so nothing changed, and the password fields were cleared so nothing secret stays on the page; type them again (4 tries left before this session ends).",
    );
    await expect(form.getByText("Current password is not your current password", { exact: true })).toBeVisible();
    await expect(form.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    for (const label of ["Current password", "Confirm new password"])
      await expect(form.getByLabel(label)).toHaveValue("");

    await changePassword(here.page, {
      current: user.password,
      next: "my second password here",
      confirm: "my second password typo",
    });
    await expect(form.getByText("Confirm new password does not match the new password", { exact: true })).toBeVisible();
    await expect(form.getByRole("status")).toHaveText(
      "Check the form: Confirm new password does not match the new password; the password fields were cleared so nothing secret stays on the page.",
    );

    await changePassword(here.page, { current: user.password, next: "my second password here" });
    await expect(form.getByRole("status")).toHaveText(
      "Password changed; your 1 other session was signed out, and this one stays signed in.",
    );
    await expect(sessionRows(here.page)).toHaveCount(1);

    await expectSignedOut(elsewhere.page);
    await here.page.reload();
    await expectSignedIn(here.page, user.email);
    await signInAs(elsewhere.page, user.email, user.password);
    await expect(signInError(elsewhere.page)).toHaveText("Email or password is incorrect.");
    await signInAs(elsewhere.page, user.email, "my second password here");
    await expectSignedIn(elsewhere.page, user.email);
    await Promise.all([here.context.close(), elsewhere.context.close()]);
  });

  test("a user sees their sessions and signs out another one, then all the others", async ({ page, browser }) => {
    const user = newUser("merchant");
    await createUserViaForm(page, user);
    const here = await signedInBrowser(browser, user.email, user.password);
    const second = await signedInBrowser(browser, user.email, user.password);

    await here.page.goto("/account");
    await expect(sessionRows(here.page)).toHaveCount(2);
    const current = sessionRows(here.page).filter({ hasText: "This session" });
    await expect(current).toContainText(/::1|127\.0\.0\.1/);
    await expect(current).toContainText(/Chrome.* on /);
    await expect(current.getByRole("button")).toHaveCount(0);

    await sessionRows(here.page)
      .filter({ hasNotText: "This session" })
      .getByRole("button", { name: /^Sign out / })
      .click();
    await expect(here.page.getByRole("status").filter({ hasText: "That session was signed out" })).toBeVisible();
    await expect(sessionRows(here.page)).toHaveCount(1);
    await expectSignedOut(second.page);

    const third = await signedInBrowser(browser, user.email, user.password);
    const fourth = await signedInBrowser(browser, user.email, user.password);
    await here.page.reload();
    await expect(sessionRows(here.page)).toHaveCount(3);
    await here.page.getByRole("button", { name: "Sign out all other sessions" }).click();
    await expect(
      here.page.getByRole("status").filter({ hasText: "Signed out 2 other sessions; this one stays signed in." }),
    ).toBeVisible();
    await expect(sessionRows(here.page)).toHaveCount(1);
    await expect(here.page.getByRole("button", { name: "Sign out all other sessions" })).toBeDisabled();
    await expectSignedOut(third.page);
    await expectSignedOut(fourth.page);
    await here.page.reload();
    await expectSignedIn(here.page, user.email);
    await Promise.all([here.context.close(), second.context.close(), third.context.close(), fourth.context.close()]);
  });

  test("an admin signs a user out everywhere, after confirming, and the user can sign in again", async ({
    page,
    browser,
  }) => {
    const user = newUser("ops");
    await createUserViaForm(page, user);
    const one = await signedInBrowser(browser, user.email, user.password);
    const two = await signedInBrowser(browser, user.email, user.password);

    await page.reload();
    const row = page.getByTestId(`user-${user.email}`);
    await expect(row.getByTestId("live-sessions")).toHaveText("2 active sessions");
    await row.getByRole("button", { name: "Sign out everywhere…" }).click();
    const confirm = row.getByRole("form", { name: `Sign ${user.email} out everywhere` });
    await expect(confirm).toContainText(
      `Sign ${user.email} out of every browser (2 active sessions now)? They can sign in again.`,
    );
    await confirm.getByRole("button", { name: "Cancel" }).click();
    await expect(confirm).toBeHidden();
    await one.page.reload();
    await expectSignedIn(one.page, user.email);

    await row.getByRole("button", { name: "Sign out everywhere…" }).click();
    await expect(confirm.getByRole("button", { name: "Sign out everywhere", exact: true })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(row.getByRole("status")).toHaveText(
      `Signed ${user.email} out everywhere (2 active sessions ended); they can sign in again.`,
    );
    await expect(confirm).toBeHidden();
    await expect(row.getByTestId("live-sessions")).toHaveText("0 active sessions");
    await expectSignedOut(one.page);
    await expectSignedOut(two.page);
    await signInAs(one.page, user.email, user.password);
    await expectSignedIn(one.page, user.email);
    await Promise.all([one.context.close(), two.context.close()]);
  });

  test("the Account page passes axe in the light and the dark theme, with sessions listed and a refused change", async ({
    page,
    browser,
  }) => {
    const user = newUser("merchant");
    await createUserViaForm(page, user);
    const here = await signedInBrowser(browser, user.email, user.password);
    const other = await signedInBrowser(browser, user.email, user.password);
    await here.page.goto("/account");
    await expect(sessionRows(here.page)).toHaveCount(2);
    await expectNoAxeViolations(here.page, "account (light)");
    await changePassword(here.page, { current: "wrong current password", next: "short" });
    await expect(here.page.getByText("New password must be at least 12 characters", { exact: true })).toBeVisible();
    await expectNoAxeViolations(here.page, "account with field errors (light)");

    await here.page.getByRole("button", { name: "Dark theme" }).click();
    await expect(here.page.locator("html")).toHaveClass(/dark/);
    await expectNoAxeViolations(here.page, "account with field errors (dark)");
    await here.page.reload();
    await expect(sessionRows(here.page)).toHaveCount(2);
    await expectNoAxeViolations(here.page, "account (dark)");
    await Promise.all([here.context.close(), other.context.close()]);
  });
});
