import { expect, test } from "@playwright/test";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { issuePartialRefund } from "./support/partial-refund";
import { storageStateOf } from "./support/roles";

test.use({ storageState: storageStateOf("finance") });

const unique = Date.now().toString(36).toUpperCase();

test.describe("[REFUNDS] a refund whose money never reached the customer", () => {
  test("finance sees Action needed, is refused without a note (keeping what was typed), records the follow-up open then done; ops sees it without the form", async ({
    page,
    browser,
  }) => {
    const reference = `E2E-FU-${unique}`;
    const paymentUrl = await capturedOctopusPayment(page, reference);
    // Amounts ending in 10 are declined by Octopus in the sandbox, 5 s after the request.
    await issuePartialRefund(page, "20.10");
    const refund = page.getByTestId("refund").first();
    await expect(refund.getByRole("status", { name: "Refund status" })).toHaveText("Declined", { timeout: 30_000 });
    await expect(refund.getByTestId("action-needed")).toContainText("Action needed");
    // The declined refund holds no money: the payment can be refunded again.
    await expect(refund.getByRole("link", { name: "Issue a new refund" })).toBeVisible();

    await page.goto("/refunds");
    const monitorRow = page.getByTestId("refund-row").filter({ hasText: reference });
    await expect(monitorRow.getByTestId("action-needed")).toContainText("Action needed");
    await expect(page.getByTestId("action-needed-summary")).toContainText("Action needed:");

    await page.goto(paymentUrl);
    const form = page.getByRole("form", { name: "Record what was done about this refund" });
    await form.getByLabel("Follow-up task").fill("Refund by bank transfer to the customer's HSBC account");
    await form.getByLabel("Assignee (optional)").fill("finance@demo.test");
    await form.getByRole("button", { name: "Record follow-up" }).click();
    await expect(form.getByRole("status")).toHaveText("Check the form: Note is required.");
    await expect(form.getByText("Note is required", { exact: true })).toBeVisible();
    await expect(form.getByLabel("Follow-up task")).toHaveValue(
      "Refund by bank transfer to the customer's HSBC account",
    );
    await expect(form.getByLabel("Assignee (optional)")).toHaveValue("finance@demo.test");

    await form.getByLabel("Note (required)").fill("Card account closed; the customer gave bank details by phone.");
    await form.getByRole("button", { name: "Record follow-up" }).click();
    await expect(refund.getByTestId("follow-up")).toHaveCount(1);
    await expect(refund.getByTestId("action-needed")).toContainText(
      "Follow-up open: Refund by bank transfer to the customer's HSBC account (finance@demo.test)",
    );
    await expect(
      refund
        .getByTestId("refund-event")
        .filter({ hasText: "recorded a follow-up task for this refund; it is still open." }),
    ).toHaveCount(1);

    await form.getByLabel("Note (required)").fill("Paid HK$20.10 by bank transfer, reference FPS-1234.");
    await form.getByLabel("Task status").selectOption("done");
    await form.getByRole("button", { name: "Record follow-up" }).click();
    await expect(refund.getByTestId("follow-up")).toHaveCount(2);
    await expect(refund.getByTestId("action-needed")).toHaveText(
      "Refunded another way: Refund by bank transfer to the customer's HSBC account (done)",
    );

    await page.goto("/refunds");
    await expect(
      page.getByTestId("refund-row").filter({ hasText: reference }).getByTestId("action-needed"),
    ).toContainText("Refunded another way");

    const ops = await browser.newContext({ storageState: storageStateOf("ops") });
    try {
      const opsPage = await ops.newPage();
      await opsPage.goto(paymentUrl);
      await expect(opsPage.getByTestId("follow-up")).toHaveCount(2);
      await expect(opsPage.getByRole("button", { name: "Record follow-up" })).toHaveCount(0);
    } finally {
      await ops.close();
    }
  });
});
