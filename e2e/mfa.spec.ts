import { answerStepUpIfAsked, answerStepUpWithSecret, staleSession } from "./support/step-up";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { expectNoAxeViolationsInBothThemes } from "./support/axe";
import { demoPassword, demoTotpSecrets, roleUsers, storageStateOf } from "./support/roles";
import { enrolTotp, expectSignedIn, signInAs, signInError, verifyWithTotp } from "./support/sign-in";
import { totpCode, untilNextStep } from "./support/totp";

test.use({ storageState: storageStateOf("admin") });

const unique = (prefix: string) => `${prefix}-${Date.now()}-${Math.random().toString(36).slice(2, 7)}@example.test`;

async function createUser(page: Page, role: string, prefix: string) {
  const user = { email: unique(prefix), name: `MFA ${prefix}`, role, password: `${prefix} password 123` };
  await page.goto("/users");
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Email").fill(user.email);
  await form.getByLabel("Name").fill(user.name);
  await form.getByLabel("Role").selectOption(user.role);
  await form.getByLabel("Initial password").fill(user.password);
  await form.getByRole("button", { name: "Create user" }).click();
  await answerStepUpIfAsked(page, "admin", form.getByText(`Created ${user.email}`));
  await expect(form.getByRole("status")).toContainText(`Created ${user.email}`);
  return user;
}

async function freshPage(browser: Browser, options: { javaScriptEnabled?: boolean; storageState?: string } = {}) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, ...options });
  return { context, page: await context.newPage() };
}

async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
}

test.describe("[MFA] enrolment and sign-in with a second factor", () => {
  test("a new finance user must set up an authenticator app; until then the session reaches nothing else", async ({
    page,
    browser,
  }) => {
    const user = await createUser(page, "finance", "enrol");
    const { context, page: other } = await freshPage(browser);
    await signInAs(other, user.email, user.password, { enrol: false });
    await expect(other).toHaveURL(/\/sign-in\/enrol/);
    await expect(
      other.getByRole("img", { name: "QR code to add Payments Ops to your authenticator app" }),
    ).toBeVisible();
    await expectNoAxeViolationsInBothThemes(other, "forced enrolment");

    // A password-only session is nobody to the dashboard, its route handlers and its actions.
    expect((await other.request.get("/api/me")).status()).toBe(401);
    expect((await other.request.get("/api/payments/export")).status()).toBe(401);
    await other.goto("/payments");
    await expect(other).toHaveURL(/\/sign-in\/enrol/);
    await other.goto("/sign-in");
    await expect(other).toHaveURL(/\/sign-in\/enrol/);

    // A wrong code changes nothing and says so.
    const form = other.getByRole("form", { name: "Confirm authenticator app" });
    const secret = ((await other.getByTestId("totp-secret").textContent()) ?? "").trim();
    const right = await totpCode(secret);
    await form.getByLabel("Code from your app").fill(right === "123456" ? "654321" : "123456");
    await form.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(form.getByRole("alert")).toHaveText(
      "That code does not match. Type the six digits your app shows now for Payments Ops.",
    );

    expect(await enrolTotp(other)).toBe(secret);
    await expectSignedIn(other, user.email);
    await other.goto("/account");
    await expect(other.getByTestId("factor-totp")).toHaveText("Set up");
    await expect(other.getByTestId("factor-recovery-codes")).toHaveText("10 unused");
    await context.close();

    await page.goto("/audit?action=auth.mfa_enrolled");
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: user.email }).first()).toBeVisible();
  });

  test("a demo user signs in with an authenticator code, lands on the callback path, in a new session", async ({
    browser,
  }) => {
    const { context, page } = await freshPage(browser);
    await page.goto("/sign-in?callbackUrl=%2Fwallet");
    await page.getByLabel("Email").fill(roleUsers.merchant);
    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in\/verify\?callbackUrl=%2Fwallet$/);
    await expectNoAxeViolationsInBothThemes(page, "verify");
    const passwordOnly = await context.cookies();
    await verifyWithTotp(page, demoTotpSecrets[roleUsers.merchant]!);
    await expect(page).toHaveURL(/\/wallet$/);
    await expectSignedIn(page, roleUsers.merchant);

    // The cookie from before the second factor (ASVS 7.2.4) was replaced and no longer signs anyone in.
    const sessionCookie = (cookies: typeof passwordOnly) =>
      cookies.find((c) => c.name.endsWith("next-auth.session-token"))?.value;
    expect(sessionCookie(await context.cookies())).toBeTruthy();
    expect(sessionCookie(await context.cookies())).not.toBe(sessionCookie(passwordOnly));
    const { context: old, page: oldPage } = await freshPage(browser);
    await old.addCookies(passwordOnly);
    await oldPage.goto("/sign-in/verify");
    await expect(
      oldPage.getByText("This sign-in has ended. Sign in again with your email and password."),
    ).toBeVisible();
    await oldPage.goto("/wallet");
    await expect(oldPage).toHaveURL(/\/sign-in(\?|$)/);
    await old.close();
    await context.close();
  });

  test("a recovery code signs in once; used again it is refused", async ({ page, browser }) => {
    const user = await createUser(page, "finance", "recovery");
    const first = await freshPage(browser);
    await signInAs(first.page, user.email, user.password, { enrol: false });
    const secret = ((await first.page.getByTestId("totp-secret").textContent()) ?? "").trim();
    await first.page.getByLabel("Code from your app").fill(await totpCode(secret));
    await first.page.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(first.page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    const codes = (
      await first.page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem").allTextContents()
    ).map((c) => c.trim());
    expect(codes).toHaveLength(10);
    await first.context.close();

    for (const [attempt, expectation] of [
      [codes[0]!, "signed in"],
      [codes[0]!.toUpperCase(), "refused"],
      [codes[1]!, "signed in"],
    ] as const) {
      const { context, page: other } = await freshPage(browser);
      await signInAs(other, user.email, user.password, { totpSecret: "" });
      await expect(other).toHaveURL(/\/sign-in\/verify/);
      await other.getByText("Use a recovery code instead").click();
      const form = other.getByRole("form", { name: "Recovery code" });
      await form.getByLabel("Recovery code").fill(attempt);
      await form.getByRole("button", { name: "Use recovery code" }).click();
      if (expectation === "signed in") await expectSignedIn(other, user.email);
      else await expect(form.getByRole("alert")).toHaveText("That recovery code is not right, or it was already used.");
      await context.close();
    }
  });

  test("an ops user may add an authenticator app on the Account page; from then on it is asked at sign-in", async ({
    page,
    browser,
  }) => {
    // Enrolment, two axe scans, new codes, a replacement with step-up, then a sign-in: a long journey.
    test.setTimeout(180_000);
    const user = await createUser(page, "ops", "optional");
    const { context, page: other } = await freshPage(browser);
    await signInAs(other, user.email, user.password);
    await expectSignedIn(other, user.email);
    await other.goto("/account");
    await expect(other.getByTestId("factor-totp")).toHaveText("Not set up");
    await other.getByRole("link", { name: "Set up authenticator app" }).click();
    await expectNoAxeViolationsInBothThemes(other, "account: set up authenticator app");
    const secret = ((await other.getByTestId("totp-secret").textContent()) ?? "").trim();
    await other.getByLabel("Code from your app").fill(await totpCode(secret));
    await other.getByRole("button", { name: "Confirm", exact: true }).click();
    await expect(other.getByTestId("recovery-codes")).toBeVisible();
    await other.getByRole("link", { name: /I have saved them/ }).click();
    await expect(other.getByTestId("factor-totp")).toHaveText("Set up");

    await other.getByRole("button", { name: "Make new recovery codes" }).click();
    await expect(other.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await expect(other.getByText("New recovery codes are ready; the old ones no longer work.")).toBeVisible();

    // Replacing the app on a stale session asks for the current app's code first (ASVS 7.5.1).
    await staleSession(other.request, new URL(other.url()).origin);
    await other.goto("/account");
    await other.getByRole("link", { name: "Replace authenticator app" }).click();
    const newSecret = ((await other.getByTestId("totp-secret").textContent()) ?? "").trim();
    expect(newSecret).not.toBe(secret);
    await other.getByLabel("Code from your app").fill(await totpCode(newSecret));
    await other.getByRole("button", { name: "Confirm", exact: true }).click();
    await answerStepUpWithSecret(other, secret);
    // The typed code goes again by itself; if waiting for the old app's next code outlived it, type a fresh one.
    const replaced = other.getByText("Your authenticator app was replaced; the old one no longer works.");
    await expect(
      replaced.or(other.getByRole("alert").filter({ hasText: "That code does not match" })).first(),
    ).toBeVisible();
    if (!(await replaced.isVisible())) {
      await other.getByLabel("Code from your app").fill(await totpCode(newSecret));
      await other.getByRole("button", { name: "Confirm", exact: true }).click();
    }
    await expect(replaced).toBeVisible();
    // ASVS 7.4.3: the way to end the other sessions is offered right there.
    await expect(other.getByRole("link", { name: "sign out your other sessions" })).toHaveAttribute(
      "href",
      "/account#active-sessions",
    );

    await signOut(other);
    await signInAs(other, user.email, user.password, { totpSecret: "" });
    await expect(other).toHaveURL(/\/sign-in\/verify/);
    await other.waitForTimeout(untilNextStep());
    await verifyWithTotp(other, newSecret);
    await expectSignedIn(other, user.email);
    await context.close();
  });

  test("five wrong codes end the sign-in; the password must be given again", async ({ browser }) => {
    const { context, page } = await freshPage(browser);
    await signInAs(page, roleUsers.ops, demoPassword, { totpSecret: "" });
    await expect(page).toHaveURL(/\/sign-in\/verify/);
    const form = page.getByRole("form", { name: "Authenticator code" });
    for (let attempt = 1; attempt <= 5; attempt++) {
      const right = await totpCode(demoTotpSecrets[roleUsers.ops]!);
      await form.getByLabel("Authenticator code").fill(right === "111111" ? "222222" : "111111");
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === "POST"),
        form.getByRole("button", { name: "Verify code" }).click(),
      ]);
      if (attempt < 5) {
        await expect(form.getByRole("alert")).toHaveText(
          "That authenticator code is not right. Type the six digits your app shows now.",
        );
        // The form empties its code field after each answer: the next code is typed after that, never before.
        await expect(form.getByLabel("Authenticator code")).toHaveValue("");
      }
    }
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      "Too many wrong codes, so this sign-in has ended. Sign in again.",
    );
    await page.reload();
    await expect(page.getByText("This sign-in has ended. Sign in again with your email and password.")).toBeVisible();
    expect((await page.request.get("/api/me")).status()).toBe(401);
    await page.goto("/payments");
    await expect(page).toHaveURL(/\/sign-in$/);
    await expect(page.getByRole("form", { name: "Sign in" })).toBeVisible();
    await context.close();
  });
});

test.describe("[MFA] redirects after sign-in stay on our origin", () => {
  test("hostile callbackUrl values all land on a path of ours", async ({ page, browser, baseURL }) => {
    test.setTimeout(240_000);
    const user = await createUser(page, "ops", "redirect");
    const origin = new URL(baseURL!).origin;
    const hostile = [
      "/\\127.0.0.1:3999/x",
      "/%5C127.0.0.1:3999/x",
      "/%09/127.0.0.1:3999/x",
      "/%0A/127.0.0.1:3999/x",
      "//127.0.0.1:3999/x",
      "%2F%2F127.0.0.1:3999%2Fx",
      "/.//127.0.0.1:3999/x",
      "https://evil.test/x",
      "http:127.0.0.1:3999/x",
      "javascript:alert(1)",
      "%6Aavascript:alert(1)",
    ];
    for (const value of hostile) {
      const { context, page: other } = await freshPage(browser);
      const foreign: string[] = [];
      other.on("request", (request) => {
        if (new URL(request.url()).origin !== origin) foreign.push(request.url());
      });
      let dialog = false;
      other.on("dialog", async (d) => {
        dialog = true;
        await d.dismiss();
      });
      await other.goto(`/sign-in?callbackUrl=${value}`);
      await other.getByLabel("Email").fill(user.email);
      await other.getByLabel("Password").fill(user.password);
      await other.getByRole("button", { name: "Sign in" }).click();
      // "http:127.0.0.1:3999/x" is, to a browser on an http page, the relative path
      // /127.0.0.1:3999/x of ours (a 404): what matters is the origin.
      await other.waitForURL((url) => url.pathname !== "/sign-in");
      expect((await other.request.get("/api/me")).status(), value).toBe(200);
      expect(new URL(other.url()).origin, value).toBe(origin);
      expect(foreign, value).toEqual([]);
      expect(dialog, value).toBe(false);
      await context.close();
    }
  });
});

test.describe("[MFA] without JavaScript", () => {
  test("sign-in and the second factor are plain POSTs; the password is never in a URL and the email stays after a refusal", async ({
    browser,
  }) => {
    const { context, page } = await freshPage(browser, { javaScriptEnabled: false });
    const requests: { method: string; url: string }[] = [];
    page.on("request", (request) => requests.push({ method: request.method(), url: request.url() }));

    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(roleUsers.finance);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(signInError(page)).toHaveText("Email or password is incorrect.");
    await expect(page.getByLabel("Email")).toHaveValue(roleUsers.finance);
    await expect(page.getByLabel("Password")).toHaveValue("");

    await page.getByLabel("Password").fill(demoPassword);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/sign-in\/verify/);
    await verifyWithTotp(page, demoTotpSecrets[roleUsers.finance]!);
    await expectSignedIn(page, roleUsers.finance);

    const posts = requests.filter((r) => r.method === "POST");
    expect(posts.length).toBeGreaterThanOrEqual(3);
    for (const { url } of requests) {
      expect(url).not.toContain("password");
      expect(url).not.toContain(encodeURIComponent(demoPassword));
      expect(url).not.toContain("not+the+password");
      expect(url).not.toContain("email=");
    }
    await context.close();
  });

  test("a click before hydration on a form with a password posts it: the initial password never reaches a URL, and no user is made", async ({
    browser,
  }) => {
    const { context, page } = await freshPage(browser, {
      javaScriptEnabled: false,
      storageState: storageStateOf("admin"),
    });
    const requests: { method: string; url: string }[] = [];
    page.on("request", (request) => requests.push({ method: request.method(), url: request.url() }));
    const email = unique("nojs");
    await page.goto("/users");
    const form = page.getByRole("form", { name: "Create user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("No Script");
    await form.getByLabel("Initial password").fill("velvet canyon lantern 58");
    await form.getByRole("button", { name: "Create user" }).click();
    await page.waitForLoadState();
    expect(requests.some((r) => r.method === "POST" && new URL(r.url).pathname === "/users")).toBe(true);
    for (const { url } of requests) {
      expect(url).not.toContain("velvet");
      expect(url).not.toContain("password=");
    }
    await context.close();
    // The page needs JavaScript for this form (a step-up may be asked); the post created nothing.
    const { context: check, page: checkPage } = await freshPage(browser, { storageState: storageStateOf("admin") });
    await checkPage.goto("/users");
    await expect(checkPage.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
    await expect(checkPage.getByText(email)).toHaveCount(0);
    await check.close();
  });
});

test.describe("[MFA] an administrator resets a user's second factor", () => {
  test("the factors go, the user's sessions end, and the next sign-in enrols again", async ({ page, browser }) => {
    const user = await createUser(page, "finance", "reset");
    const { context, page: other } = await freshPage(browser);
    await signInAs(other, user.email, user.password);
    await expectSignedIn(other, user.email);

    await page.goto("/users");
    const row = page.getByTestId(`user-${user.email}`);
    await row.getByRole("button", { name: "Reset second factor" }).click();
    await expect(
      row.getByText(`This removes the authenticator app, recovery codes and passkeys of ${user.email}`),
    ).toBeVisible();
    await row.getByRole("button", { name: "Confirm reset" }).click();
    // A power action: an admin session older than the step-up window is asked to confirm first.
    await answerStepUpIfAsked(page, "admin", row.getByRole("status").filter({ hasText: "Second factors" }));
    await expect(row.getByRole("status").filter({ hasText: "Second factors" })).toHaveText(
      `Second factors of ${user.email} removed and their sessions ended; they set up a new one at their next sign-in.`,
    );

    await other.goto("/payments");
    await expect(other).toHaveURL(/\/sign-in$/);
    await signInAs(other, user.email, user.password, { enrol: false });
    await expect(other).toHaveURL(/\/sign-in\/enrol/);
    await context.close();

    await page.goto("/audit?action=user.mfa_reset");
    await expect(page.getByRole("table").getByRole("row").filter({ hasText: "user.mfa_reset" }).first()).toBeVisible();
  });
});
