import { expect, test, type Locator, type Page } from "@playwright/test";
import { expectNoAxeViolationsInBothThemes } from "./support/axe";
import { storageStateOf } from "./support/roles";
import { answerStepUpIfAsked } from "./support/step-up";

test.describe.configure({ mode: "serial" });
test.use({ storageState: storageStateOf("admin") });

const approvals = "A refund has waited for approval too long";
const signatures = "Webhooks with a bad signature in 10 minutes";

const rowOf = (page: Page, rule: string) => page.getByTestId(`alert-rule-${rule}`);

/** Saves a row and waits for its answer, answering the step-up dialog if it comes first. */
async function save(page: Page, row: Locator, answer: string | RegExp) {
  await row.getByRole("button", { name: "Save" }).click();
  await answerStepUpIfAsked(page, "admin", row.getByRole("status").filter({ hasText: answer }));
  await expect(row.getByRole("status")).toHaveText(answer);
}

test("an admin switches a rule off for a team, sets its threshold and delivery, and they stay set", async ({
  page,
}) => {
  await page.goto("/settings");
  const row = rowOf(page, "approval_waiting");
  // Approvals are for the people who can approve: admins and finance, nobody else.
  await expect(row.getByRole("checkbox")).toHaveCount(2);
  await expect(row).toContainText("Ops may not open what this rule is about");
  const finance = row.getByRole("checkbox", { name: `Finance: ${approvals}` });
  const threshold = row.getByLabel(`Threshold in hours: ${approvals}`);
  const delivery = row.getByLabel(`Delivery: ${approvals}`);
  await expect(finance).toBeChecked();
  await expect(threshold).toHaveValue("4");

  await finance.uncheck();
  await threshold.fill("6");
  await delivery.selectOption("daily");
  await save(page, row, `“${approvals}” is on for Admin, threshold 6 hours, email and webhooks in a daily digest.`);

  await page.reload();
  await expect(finance).not.toBeChecked();
  await expect(row.getByRole("checkbox", { name: `Admin: ${approvals}` })).toBeChecked();
  await expect(threshold).toHaveValue("6");
  await expect(delivery).toHaveValue("daily");

  // Back to the defaults, so no other spec meets a changed rule.
  await finance.check();
  await threshold.fill("4");
  await delivery.selectOption("immediate");
  await save(page, row, `“${approvals}” is on for Admin and Finance, threshold 4 hours, email and webhooks at once.`);
});

test("a threshold out of range is refused naming the field and the rule, and the row keeps what was typed", async ({
  page,
}) => {
  await page.goto("/settings");
  const row = rowOf(page, "webhook_signature_failures");
  const ops = row.getByRole("checkbox", { name: `Ops: ${signatures}` });
  const threshold = row.getByLabel(`Threshold in refused webhooks: ${signatures}`);
  const delivery = row.getByLabel(`Delivery: ${signatures}`);
  await ops.uncheck();
  await threshold.fill("0");
  await delivery.selectOption("hourly");
  const refusal = `Check the form: Threshold of “${signatures}” must be a whole number of refused webhooks from 1 to 100,000.`;
  await save(page, row, refusal);
  await expect(threshold).toHaveValue("0");
  await expect(threshold).toHaveAttribute("aria-invalid", "true");
  // Said beside the field too, and read out with it.
  await expect(threshold).toHaveAccessibleDescription(
    `Threshold of “${signatures}” must be a whole number of refused webhooks from 1 to 100,000`,
  );
  await expect(ops).not.toBeChecked();
  await expect(delivery).toHaveValue("hourly");
  await expectNoAxeViolationsInBothThemes(page, "settings with a refused alert rule");

  // Only the threshold fixed: the rest is saved as it was typed.
  await threshold.fill("25");
  await save(
    page,
    row,
    `“${signatures}” is on for Admin and Finance, threshold 25 refused webhooks, email and webhooks in an hourly digest.`,
  );
  await expect(threshold).not.toHaveAttribute("aria-invalid", "true");

  await ops.check();
  await threshold.fill("10");
  await delivery.selectOption("immediate");
  await save(
    page,
    row,
    `“${signatures}” is on for Admin, Finance and Ops, threshold 10 refused webhooks, email and webhooks at once.`,
  );
});
