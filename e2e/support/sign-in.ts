import { expect, test, type Page } from "@playwright/test";
import { demoTotpSecrets } from "./roles";
import { MAX_TOTP_TRIES, totpCode, TotpPlanner } from "./totp";

/** The sign-in form's own error line (Next.js keeps a second, empty alert for route announcements). */
export const signInError = (page: Page) => page.getByRole("form", { name: "Sign in" }).getByRole("alert");

const USED = "That code was already used.";

/** Secrets of users this worker enrolled through the form, so signing them in again needs no bookkeeping. */
const enrolledSecrets = new Map<string, string>();

/** Waits until the sign-in form answered: another page, or an error line with text (in main: not Next's route announcer). */
async function settled(page: Page, from: string): Promise<void> {
  await Promise.race([
    page.waitForURL((url) => url.pathname !== from, { timeout: 20_000 }),
    page.getByRole("main").getByRole("alert").filter({ hasText: /\S/ }).first().waitFor({ timeout: 20_000 }),
  ]);
}

/**
 * Types the current authenticator code on the verify page. Specs on two workers share users, so
 * when a code was just spent elsewhere the next usable step is typed (TotpPlanner), waiting for
 * it when needed.
 */
export async function verifyWithTotp(page: Page, secret: string): Promise<void> {
  const form = page.getByRole("form", { name: "Authenticator code" });
  const planner = new TotpPlanner(secret);
  for (let attempt = 0; attempt < MAX_TOTP_TRIES; attempt++) {
    const code = await planner.next(async (ms) => {
      // The wait is what single-use codes cost, not slowness: the test gets that time on top.
      test.info().setTimeout(test.info().timeout + ms + 20_000);
      await page.waitForTimeout(ms);
    });
    await form.getByLabel("Authenticator code").fill(code);
    // The answer to this POST decides (the error line may still show the previous answer).
    const [response] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname === "/sign-in/verify"),
      form.getByRole("button", { name: "Verify code" }).click(),
    ]);
    if (response.status() === 303 || response.headers()["x-action-redirect"]) {
      await page.waitForURL((url) => url.pathname !== "/sign-in/verify");
      return;
    }
    await expect(form.getByRole("button", { name: "Verify code" })).toBeEnabled();
    const message = (await form.getByRole("alert").textContent()) ?? "";
    if (!message.startsWith(USED)) throw new Error(`the authenticator code was refused: ${message}`);
  }
  throw new Error(`the authenticator code was refused as already used ${MAX_TOTP_TRIES} times running`);
}

/** On the forced enrolment page: reads the secret shown for manual entry, confirms a code, continues. Returns the secret. */
export async function enrolTotp(page: Page): Promise<string> {
  const secret = ((await page.getByTestId("totp-secret").textContent()) ?? "").trim();
  expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
  const form = page.getByRole("form", { name: "Confirm authenticator app" });
  await form.getByLabel("Code from your app").fill(await totpCode(secret));
  await form.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByTestId("recovery-codes")).toBeVisible();
  await page.getByRole("link", { name: /^I have saved them/ }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/sign-in"));
  return secret;
}

export interface SignInOptions {
  /** The user's authenticator secret (demo users' are known); without one the verify page is left open. */
  totpSecret?: string;
  /** false: stop on the forced enrolment page instead of enrolling. */
  enrol?: boolean;
}

/**
 * Signs in through the form like a person: the password, then the second factor when asked
 * (the demo users' codes are computed from their secrets), or the forced enrolment of a new
 * admin or finance user. A refused password leaves the page on /sign-in with its error line.
 */
export async function signInAs(
  page: Page,
  email: string,
  password: string,
  options: SignInOptions = {},
): Promise<{ enrolledSecret?: string }> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await settled(page, "/sign-in");
  const path = new URL(page.url()).pathname;
  if (path === "/sign-in/verify") {
    const secret = options.totpSecret ?? demoTotpSecrets[email] ?? enrolledSecrets.get(email);
    if (secret) await verifyWithTotp(page, secret);
  } else if (path === "/sign-in/enrol" && options.enrol !== false) {
    const enrolledSecret = await enrolTotp(page);
    enrolledSecrets.set(email, enrolledSecret);
    return { enrolledSecret };
  }
  return {};
}

export async function expectSignedIn(page: Page, email: string): Promise<void> {
  // The shell names who is signed in; order lists may name the same person as the one who placed an order.
  await expect(page.getByRole("complementary").getByText(email, { exact: true })).toBeVisible();
}
