import {
  expect,
  test,
  type APIRequestContext,
  type Browser,
  type BrowserContextOptions,
  type Download,
  type Locator,
  type Page,
} from "@playwright/test";
import { demoUsers } from "../../lib/domain/auth/demo-users";
import { demoPassword, extraUsers, roleUsers, type ExtraUserName, type RoleName } from "./roles";
import { callServerAction } from "./server-actions";
import { expectSignedIn, signInAs } from "./sign-in";
import { MAX_TOTP_TRIES, totpCode, TotpPlanner } from "./totp";

/**
 * Step-up in e2e: money and power actions ask for a fresh second factor (the dialog, or
 * STEP_UP_REQUIRED from a direct call). Every spec answers it through these helpers, so it passes
 * whether its session is fresh (a step-up in the last few minutes) or stale.
 */
export type StepUpUser = RoleName | ExtraUserName;

export const emailOf = (who: StepUpUser): string =>
  who in roleUsers ? roleUsers[who as RoleName] : extraUsers[who as ExtraUserName];

function totpSecretOf(who: StepUpUser): string {
  const user = demoUsers.find((u) => u.email === emailOf(who));
  if (!user) throw new Error(`no demo TOTP secret for ${who}`);
  return user.totpSecret;
}

/** The code the user's authenticator app shows now (the demo users' secrets are fixed). */
export const totpCodeOf = (who: StepUpUser): Promise<string> => totpCode(totpSecretOf(who));

/** A code that is certainly wrong now: the right one with its last digit changed. */
export async function wrongTotpCodeOf(who: StepUpUser): Promise<string> {
  const code = await totpCodeOf(who);
  return `${code.slice(0, 5)}${(Number(code[5]) + 1) % 10}`;
}

/** The planner's wait inside a test: single-use codes cost that time, so the test gets it on top. */
async function waitInTest(ms: number): Promise<void> {
  test.info().setTimeout(test.info().timeout + ms + 20_000);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

export const stepUpDialog = (page: Page): Locator => page.getByRole("dialog", { name: "Confirm it is you" });

/** Answers the open step-up dialog with the user's current code, waiting for the next step when it was already used. */
export const answerStepUp = (page: Page, who: StepUpUser): Promise<void> =>
  answerStepUpWithSecret(page, totpSecretOf(who));

/** The same for a user whose authenticator secret the spec holds (one it enrolled itself). */
export async function answerStepUpWithSecret(page: Page, secret: string): Promise<void> {
  const dialog = stepUpDialog(page);
  await expect(dialog).toBeVisible();
  const planner = new TotpPlanner(secret);
  for (let attempt = 0; attempt < MAX_TOTP_TRIES; attempt++) {
    await dialog.getByLabel("Authenticator code").fill(await planner.next(waitInTest));
    await dialog.getByRole("button", { name: "Confirm" }).click();
    let outcome = "waiting";
    await expect
      .poll(
        async () => {
          if (!(await dialog.isVisible())) return (outcome = "done");
          const alert = dialog.getByRole("alert");
          if (!(await alert.isVisible())) return (outcome = "waiting");
          return (outcome = (await alert.textContent())?.includes("already used")
            ? "reused"
            : `refused: ${await alert.textContent()}`);
        },
        { timeout: 15_000 },
      )
      .not.toBe("waiting");
    if (outcome === "done") return;
    if (outcome !== "reused") throw new Error(`step-up ${outcome}`);
  }
  throw new Error(`step-up: the code was already used ${MAX_TOTP_TRIES} times running`);
}

/**
 * After a click on a guarded action: when the step-up dialog appears before `outcome` (what the
 * action shows when it went through), answers it; either way the action then goes on by itself.
 */
export async function answerStepUpIfAsked(page: Page, who: StepUpUser, outcome: Locator): Promise<void> {
  const dialog = stepUpDialog(page);
  await expect(dialog.or(outcome).first()).toBeVisible({ timeout: 20_000 });
  if (await dialog.isVisible()) await answerStepUp(page, who);
}

/** Clicks an export and returns its download, answering the step-up dialog if it comes first. */
export async function downloadWithStepUp(page: Page, who: StepUpUser, click: () => Promise<void>): Promise<Download> {
  const download = page.waitForEvent("download", { timeout: 60_000 });
  await click();
  const first = await Promise.race([
    download.then(() => "download" as const),
    stepUpDialog(page)
      .waitFor({ state: "visible", timeout: 20_000 })
      .then(() => "dialog" as const)
      .catch(() => "none" as const),
  ]);
  if (first === "dialog") await answerStepUp(page, who);
  return download;
}

const confirmStepUp = { file: "lib/app/actions/auth/confirm-step-up.ts", name: "confirmStepUpAction" };

/** Makes the request context's session fresh by answering confirmStepUp directly (for direct action calls). */
export async function freshenSession(request: APIRequestContext, baseURL: string, who: StepUpUser): Promise<void> {
  const planner = new TotpPlanner(totpSecretOf(who));
  for (let attempt = 0; attempt < MAX_TOTP_TRIES; attempt++) {
    const code = await planner.next(waitInTest);
    const result = await callServerAction(request, baseURL, confirmStepUp, { kind: "totp", code });
    if (result.body.includes('"ok":true')) return;
    if (!result.body.includes("already used")) throw new Error(`confirmStepUp refused: ${result.body}`);
  }
  throw new Error(`confirmStepUp: the code was already used ${MAX_TOTP_TRIES} times running`);
}

const endStepUp = { file: "lib/app/actions/auth/end-step-up.ts", name: "endStepUpAction" };

/** Ends the request context's step-up window ("Ask for my second factor again"), so guarded actions ask again. */
export async function staleSession(request: APIRequestContext, baseURL: string): Promise<void> {
  const result = await callServerAction(request, baseURL, endStepUp, {});
  if (!result.body.includes('"ok":true')) throw new Error(`endStepUp refused: ${result.body}`);
}

/**
 * A page in a session of its own whose step-up window has been ended (a fresh sign-in verifies
 * the second factor), so every guarded action asks for it again.
 */
export async function staleSessionPage(browser: Browser, who: StepUpUser, options: BrowserContextOptions = {}) {
  // Its sign-in and the step-up that follows each spend an authenticator code of a user other
  // specs share: either may wait for the next 30-second step.
  test.info().setTimeout(test.info().timeout + 90_000);
  const context = await browser.newContext({ ...options, storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  await signInAs(page, emailOf(who), demoPassword);
  await expectSignedIn(page, emailOf(who));
  await staleSession(page.request, new URL(page.url()).origin);
  return { context, page };
}
