import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./support/axe";
import { answerStepUpIfAsked, staleSession, stepUpDialog } from "./support/step-up";
import { storageStateOf } from "./support/roles";
import { expectSignedIn, signInAs } from "./support/sign-in";

// A user of its own (made by the admin), so registering a factor changes nobody another spec signs in as.
async function freshUser(browser: Browser, label: string) {
  const user = {
    email: `passkey-${label}-${Date.now()}@example.test`,
    name: "Passkey User",
    password: "amber kettle north orbit 71",
  };
  const admin = await browser.newContext({ storageState: storageStateOf("admin") });
  const page = await admin.newPage();
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Role").selectOption("ops");
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await answerStepUpIfAsked(page, "admin", form.getByText(`Created ${user.email}`));
  await expect(form.getByRole("status")).toContainText(`Created ${user.email}`);
  await admin.close();
  return user;
}

async function signedInAsFreshUser(browser: Browser, label: string): Promise<Page> {
  const user = await freshUser(browser, label);
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAs(page, user.email, user.password);
  await expectSignedIn(page, user.email);
  return page;
}

/** Chromium's virtual authenticator (a platform passkey that always says yes), through CDP. */
async function addVirtualAuthenticator(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("WebAuthn.enable");
  const { authenticatorId } = await cdp.send("WebAuthn.addVirtualAuthenticator", {
    options: {
      protocol: "ctap2",
      transport: "internal",
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return { cdp, authenticatorId };
}

test.describe("[PASSKEYS] a user's passkeys on the Account page", () => {
  test("register a passkey, confirm it's you with it, remove it", async ({ browser }) => {
    const page = await signedInAsFreshUser(browser, "flow");
    const { cdp, authenticatorId } = await addVirtualAuthenticator(page);
    await page.goto("/account");
    const section = page.locator("section", { has: page.getByRole("heading", { name: "Passkeys", exact: true }) });
    await expect(section.getByText("You have no passkeys yet.")).toBeVisible();
    await expect(page.getByTestId("second-factor-status")).toHaveText("Not confirmed in this session yet.");

    const add = page.getByRole("form", { name: "Add a passkey" });
    await add.getByLabel("Passkey name").fill("x".repeat(61));
    await add.getByRole("button", { name: "Add a passkey" }).click();
    await expect(add.getByText("Passkey name must be at most 60 characters", { exact: true })).toBeVisible();
    await expect(add.getByLabel("Passkey name")).toHaveValue("x".repeat(61));
    expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(0);

    await add.getByLabel("Passkey name").fill("E2E laptop");
    await add.getByRole("button", { name: "Add a passkey" }).click();
    await expect(add.getByRole("status")).toHaveText('Added the passkey "E2E laptop".');
    const row = section.getByTestId("passkey");
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("E2E laptop");
    await expect(row.getByRole("cell").nth(2)).toHaveText("Never");
    expect((await cdp.send("WebAuthn.getCredentials", { authenticatorId })).credentials).toHaveLength(1);

    await page.getByRole("button", { name: "Confirm it's you with a passkey" }).click();
    await expect(page.getByText('Confirmed with your passkey "E2E laptop".')).toBeVisible();
    await expect(page.getByTestId("second-factor-status")).toContainText(
      /Last confirmed in this session at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC with a passkey\./,
    );
    await expect(row.getByRole("cell").nth(2)).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);

    for (const theme of ["Dark theme", "Light theme"]) {
      await page.getByRole("button", { name: theme }).click();
      await expectNoAxeViolations(page, `account page with a passkey (${theme})`);
    }

    // Keyboard: the confirmation takes the focus, Escape keeps the passkey and gives the focus back.
    await section.getByRole("button", { name: "Remove E2E laptop" }).click();
    await expect(section.getByRole("button", { name: "Yes, remove E2E laptop" })).toBeFocused();
    await expectNoAxeViolations(page, "account page, removal being confirmed");
    await page.keyboard.press("Escape");
    await expect(section.getByRole("button", { name: "Remove E2E laptop" })).toBeFocused();

    // A stale session: removing a factor asks for one first, and a passkey-only user is offered the passkey.
    await staleSession(page.request, new URL(page.url()).origin);
    await page.keyboard.press("Enter");
    await expect(section.getByRole("button", { name: "Yes, remove E2E laptop" })).toBeFocused();
    await page.keyboard.press("Enter");
    const stepUp = stepUpDialog(page);
    await expect(stepUp).toContainText("Confirm it is you: use your passkey to continue.");
    await expect(stepUp.getByLabel("Authenticator code")).toHaveCount(0);
    await stepUp.getByRole("button", { name: "Confirm it's you with a passkey" }).click();
    await expect(stepUp).toBeHidden();
    await expect(section.getByText('Removed the passkey "E2E laptop".')).toBeVisible();
    await expect(section.getByText("You have no passkeys yet.")).toBeVisible();

    await page.getByRole("button", { name: "Confirm it's you with a passkey" }).click();
    await expect(page.getByText("You have no passkey yet; add one on your Account page first.")).toBeVisible();
    await page.context().close();
  });

  test("a passkey is the second factor at the next sign-in", async ({ browser }) => {
    const user = await freshUser(browser, "signin");
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signInAs(page, user.email, user.password);
    await expectSignedIn(page, user.email);
    await addVirtualAuthenticator(page);
    await page.goto("/account");
    const add = page.getByRole("form", { name: "Add a passkey" });
    await add.getByLabel("Passkey name").fill("E2E sign-in key");
    await add.getByRole("button", { name: "Add a passkey" }).click();
    await expect(add.getByRole("status")).toHaveText('Added the passkey "E2E sign-in key".');
    // The session that registered it stays a full one.
    await page.goto("/payments");
    await expectSignedIn(page, user.email);

    await page.getByRole("button", { name: "Sign out", exact: true }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goto("/sign-in?callbackUrl=%2Frefunds");
    await page.getByLabel("Email").fill(user.email);
    await page.getByLabel("Password").fill(user.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/sign-in\/verify/);
    // A password alone is not a session yet.
    expect((await page.request.get("/api/me")).status()).toBe(401);
    await page.getByRole("button", { name: "Use a passkey" }).click();
    await page.waitForURL(/\/refunds/);
    await expectSignedIn(page, user.email);
    await context.close();
  });

  test("a browser without WebAuthn is told so in one sentence", async ({ browser }) => {
    const page = await signedInAsFreshUser(browser, "nowebauthn");
    await page.addInitScript(() => Object.defineProperty(window, "PublicKeyCredential", { value: undefined }));
    await page.goto("/account");
    await page.getByRole("button", { name: "Add a passkey" }).click();
    await expect(page.getByRole("form", { name: "Add a passkey" }).getByRole("status")).toHaveText(
      "This browser cannot use passkeys, so nothing was changed.",
    );
    await expectNoAxeViolations(page, "account page, no WebAuthn");
    await page.context().close();
  });
});
