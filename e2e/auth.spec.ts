import { expect, test } from "@playwright/test";
import { demoPassword, roleNames, roleUsers, storageStateOf } from "./support/roles";
import { expectSignedIn, signInAs, signInError } from "./support/sign-in";
import { answerStepUpIfAsked } from "./support/step-up";

const expectedNav = {
  admin: [
    "Overview",
    "Payments",
    "Refunds",
    "Orders",
    "Wallet",
    "Webhooks",
    "Audit",
    "Users",
    "Settings",
    "Alerts",
    "Sandbox",
  ],
  finance: ["Overview", "Payments", "Refunds", "Orders", "Wallet", "Webhooks"],
  ops: ["Overview", "Payments", "Refunds", "Orders", "Webhooks"],
  merchant: ["Overview", "Orders", "Wallet"],
} as const;

const roleLabel = { admin: "Admin", finance: "Finance", ops: "Ops", merchant: "Merchant" } as const;

test.describe("[AUTH] sign-in per role", () => {
  for (const role of roleNames) {
    test(`${role} signs in and sees only their pages`, async ({ page }) => {
      await signInAs(page, roleUsers[role], demoPassword);
      await expectSignedIn(page, roleUsers[role]);
      await expect(page.getByTestId("signed-in-role")).toHaveText(roleLabel[role]);
      await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link")).toHaveText([...expectedNav[role]]);
      // Not a page of the navigation: the bell beside the app's name, for every role.
      await expect(page.getByRole("link", { name: /^Notifications, \d+ unread$/ })).toHaveAttribute(
        "href",
        "/notifications",
      );
    });
  }
});

test.describe("[AUTH] failures and sign-out", () => {
  test("a wrong password is refused with a clear message", async ({ page }) => {
    await signInAs(page, roleUsers.ops, "not-the-password");
    await expect(signInError(page)).toHaveText("Email or password is incorrect.");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test("sign-out ends the session on the server", async ({ page }) => {
    await signInAs(page, roleUsers.finance, demoPassword);
    await expectSignedIn(page, roleUsers.finance);
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    // Replaying the old cookie does not bring the session back: it was revoked server-side.
    await page.context().addCookies(cookies);
    await page.goto("/payments");
    await expect(page).toHaveURL(/\/sign-in/);
  });

  test.describe("lockout", () => {
    test.use({ storageState: storageStateOf("admin") });

    test("five failures lock the account for 15 minutes, even with the right password", async ({ page, browser }) => {
      const email = `lockout-${Date.now()}@example.test`;
      const password = "the right password 123";
      await page.goto("/users");
      const form = page.getByRole("form", { name: "Create user" });
      await form.getByLabel("Email").fill(email);
      await form.getByLabel("Name").fill("Lockout Target");
      await form.getByLabel("Initial password").fill(password);
      await form.getByRole("button", { name: "Create user" }).click();
      await answerStepUpIfAsked(page, "admin", form.getByText(`Created ${email}`));
      await expect(form.getByRole("status")).toContainText(`Created ${email}`);

      const anonymous = await browser.newContext({ storageState: { cookies: [], origins: [] } });
      const victim = await anonymous.newPage();
      for (let attempt = 1; attempt <= 4; attempt += 1) {
        await signInAs(victim, email, `wrong password ${attempt}`);
        await expect(signInError(victim)).toHaveText("Email or password is incorrect.");
      }
      await signInAs(victim, email, "wrong password 5");
      await expect(signInError(victim)).toContainText(
        "Too many failed sign-ins for this account. Try again in 15 minutes.",
      );
      await signInAs(victim, email, password);
      await expect(signInError(victim)).toContainText("Too many failed sign-ins for this account.");
      await expect(victim).toHaveURL(/\/sign-in/);
      await anonymous.close();
    });
  });
});
