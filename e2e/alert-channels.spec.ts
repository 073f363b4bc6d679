import { expect, test, type Browser } from "@playwright/test";
import { expectNoAxeViolationsInBothThemes } from "./support/axe";
import { storageStateOf, type RoleName } from "./support/roles";
import { answerStepUp, answerStepUpIfAsked, stepUpDialog } from "./support/step-up";

async function pageAs(browser: Browser, role: RoleName) {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { context, page: await context.newPage() };
}

test.describe("[ALERTS] channels", () => {
  test("an admin adds a team webhook (a bad address refused and kept), sees its secret once, and removes it", async ({
    browser,
  }) => {
    const { context, page } = await pageAs(browser, "admin");
    await page.goto("/alerts");
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    // The sandbox's own sink is there from the start, its address masked.
    await expect(page.getByTestId("alert-webhook").filter({ hasText: "Sandbox webhook sink" })).toContainText(
      "Ops team",
    );
    await expectNoAxeViolationsInBothThemes(page, "alerts page");

    const label = `Finance chat ${Date.now().toString(36)}`;
    const form = page.getByRole("form", { name: "Add a team webhook" });
    await form.getByLabel("Team").selectOption("finance");
    await form.getByLabel("Name").fill(label);
    await form.getByLabel("Webhook URL").fill("hooks.example.com/alerts");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await answerStepUpIfAsked(page, "admin", form.getByText("Check the form"));
    await expect(form.getByRole("status")).toContainText("Webhook URL must be a full address");
    await expect(form.getByLabel("Name")).toHaveValue(label);
    await expect(form.getByLabel("Webhook URL")).toHaveValue("hooks.example.com/alerts");

    await form.getByLabel("Webhook URL").fill("https://hooks.example.com/services/T000/B000/secretpath");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await answerStepUpIfAsked(page, "admin", form.getByRole("status").filter({ hasText: "now also go to" }));
    await expect(form.getByRole("status")).toHaveText(
      `Finance alerts now also go to “${label}”. Copy its signing secret now: it is not shown again.`,
    );
    const secret = await page.getByTestId("webhook-signing-secret").textContent();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);

    const row = page.getByTestId("alert-webhook").filter({ hasText: label });
    await expect(row).toContainText("https://hooks.example.com/…path");
    await expect(row).toContainText(`secret ending ${secret!.slice(-4)}`);
    await page.reload();
    expect(await page.content()).not.toContain(secret!);
    expect(await page.content()).not.toContain("secretpath");

    await row.getByRole("button", { name: "Remove" }).click();
    // The row (and its form) goes once the webhook is removed; a stale session is asked to confirm first.
    await expect(async () => {
      if (await stepUpDialog(page).isVisible()) await answerStepUp(page, "admin");
      await expect(page.getByTestId("alert-webhook").filter({ hasText: label })).toHaveCount(0, { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await context.close();
  });

  test("each person turns their own alert email off and on from their account page", async ({ browser }) => {
    const { context, page } = await pageAs(browser, "merchant");
    await page.goto("/account");
    const form = page.getByRole("form", { name: "Alert email" });
    await expect(form.getByTestId("alert-email-state")).toHaveText(
      "Alerts for your team are emailed to merchant@demo.test, as well as shown in the notification centre.",
    );
    await form.getByRole("button", { name: "Stop alert email" }).click();
    await expect(form.getByRole("status")).toHaveText(
      "You no longer get alerts by email; they stay in the notification centre.",
    );
    await page.reload();
    await expect(form.getByTestId("alert-email-state")).toHaveText(
      "Alerts for your team are shown in the notification centre only.",
    );
    await form.getByRole("button", { name: "Email me alerts" }).click();
    await expect(form.getByRole("status")).toHaveText(
      "Alerts for your team are now also emailed to merchant@demo.test.",
    );
    await context.close();
  });
});
