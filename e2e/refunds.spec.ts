import { expect, test, type Browser, type Page } from "@playwright/test";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { storageStateOf, storageStateOfUser } from "./support/roles";
import { answerStepUpIfAsked } from "./support/step-up";

test.use({ storageState: storageStateOf("finance") });
test.describe.configure({ mode: "serial" });

const unique = Date.now().toString(36).toUpperCase();

async function issueRefund(page: Page, fields: { amount?: string; reason?: string }) {
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund this payment" });
  await expect(dialog).toBeVisible();
  if (fields.amount) {
    await dialog.getByRole("radio", { name: "Partial" }).check();
    await dialog.getByLabel("Amount").fill(fields.amount);
  } else {
    await dialog.getByRole("radio", { name: /^Full/ }).check();
  }
  await dialog.getByLabel("Reason").selectOption({ label: fields.reason ?? "Customer request" });
  return dialog;
}

const refundStatuses = (page: Page) => page.getByTestId("refund").getByRole("status", { name: "Refund status" });

async function pageAs(browser: Browser, storageState: string) {
  const context = await browser.newContext({ storageState });
  return { context, page: await context.newPage() };
}

test.describe("[REFUNDS] finance refunds an Octopus payment", () => {
  test("a partial then a full refund, each shown live with its timeline; nothing is left to refund", async ({
    page,
  }) => {
    await capturedOctopusPayment(page, `E2E-RF-${unique}`);
    const dialog = await issueRefund(page, { amount: "20.00" });
    await expect(dialog.getByText("Still refundable: HK$100.00 captured − HK$0.00 in other refunds")).toBeVisible();
    await expect(dialog.getByText("Refund of HK$20.00 passes every rule.")).toBeVisible();
    await dialog.getByRole("button", { name: "Issue refund" }).click();
    await expect(dialog).toBeHidden();
    await expect(refundStatuses(page)).toHaveText(["Pending"]);
    await expect(page.getByTestId("refund").first()).toContainText("HK$20.00");
    // Its timeline: created by us, the provider's answer, then whatever the provider's webhooks add.
    await expect
      .poll(() => page.getByTestId("refund").first().getByTestId("refund-event").count())
      .toBeGreaterThanOrEqual(2);

    const full = await issueRefund(page, {});
    await expect(full.getByText("Full: HK$80.00")).toBeVisible();
    await full.getByRole("button", { name: "Issue refund" }).click();
    await expect(full).toBeHidden();
    await expect(refundStatuses(page)).toHaveText(["Pending", "Pending"]);
    await expect(page.getByTestId("refund").first()).toContainText("HK$80.00");
    // Nothing is left to refund: the button is gone.
    await expect(page.getByRole("button", { name: "Refund…" })).toHaveCount(0);
    // The sandbox decides each refund 5 s after it was requested; the page follows live.
    await expect(refundStatuses(page)).toHaveText(["Approved", "Approved"], { timeout: 30_000 });
  });

  // The sandbox approves a refund 5 s after the request and says so by webhook.
  test("refunds reach Approved live once the provider's webhook arrives", async ({ page }) => {
    await capturedOctopusPayment(page, `E2E-RF-OK-${unique}`);
    const dialog = await issueRefund(page, { amount: "20.00" });
    await dialog.getByRole("button", { name: "Issue refund" }).click();
    await expect(refundStatuses(page)).toHaveText(["Approved"], { timeout: 30_000 });
    await expect(page.getByText("Refunded", { exact: true }).locator("..")).toContainText("HK$20.00");
  });

  test("three submissions queued together make one refund; after a reload the same amount again is warned about", async ({
    page,
  }) => {
    await capturedOctopusPayment(page, `E2E-RF-DBL-${unique}`);
    const dialog = await issueRefund(page, { amount: "20.00" });
    let answered = 0;
    page.on("response", (response) => {
      const request = response.request();
      if (
        request.method() === "POST" &&
        request.headers()["next-action"] &&
        request.postData()?.includes("idempotencyKey")
      )
        answered += 1;
    });
    // One task, three submissions (what a triple click on a slow machine queues): one key, one refund.
    await dialog.getByRole("form", { name: "Refund" }).evaluate((form: HTMLFormElement) => {
      form.requestSubmit();
      form.requestSubmit();
      form.requestSubmit();
    });
    await expect(dialog).toBeHidden();
    await expect.poll(() => answered, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
    await page.reload();
    await expect(page.getByTestId("refund")).toHaveCount(1);

    const again = await issueRefund(page, { amount: "20.00" });
    await expect(again.getByTestId("recent-same-amount")).toContainText(
      /^A refund of HK\$20\.00 was already requested on this payment at \d\d:\d\d:\d\d UTC by finance@demo\.test: check this is not the same refund before issuing another\.$/,
    );
    await again.getByLabel("Amount").fill("30.00");
    await expect(again.getByTestId("recent-same-amount")).toHaveCount(0);
    await again.getByRole("button", { name: "Cancel" }).click();
  });

  test("an over-refund is refused with the rule and the numbers, and nothing is created", async ({ page }) => {
    await capturedOctopusPayment(page, `E2E-RF-OVER-${unique}`);
    const dialog = await issueRefund(page, { amount: "150.00" });
    await expect(dialog.getByTestId("refund-violations")).toContainText(
      "HK$150.00 is more than the HK$100.00 still refundable",
    );
    await expect(dialog.getByRole("button", { name: "Issue refund" })).toBeDisabled();
    // Sent anyway (a script, a stale page): the server checks the rule itself.
    await dialog.getByRole("form", { name: "Refund" }).evaluate((form: HTMLFormElement) => form.requestSubmit());
    await expect(dialog.getByRole("status")).toContainText(
      "Refund refused: HK$150.00 is more than the HK$100.00 still refundable (captured HK$100.00, HK$0.00 already refunded or in flight)",
    );
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await expect(page.getByText("No refunds for this payment.")).toBeVisible();
  });

  test("above the threshold a refund waits; the requester cannot approve it, a second finance user does", async ({
    page,
    browser,
  }) => {
    const admin = await pageAs(browser, storageStateOf("admin"));
    await admin.page.goto("/settings");
    const hkd = admin.page.getByRole("form", { name: "HKD approval threshold" });
    await hkd.getByLabel("HKD threshold").fill("50.00");
    await hkd.getByRole("button", { name: "Save HKD" }).click();
    await answerStepUpIfAsked(admin.page, "admin", hkd.getByText("Refunds above HK$50.00 now need"));
    await expect(hkd.getByRole("status")).toHaveText("Refunds above HK$50.00 now need a second person's approval.");
    await admin.context.close();

    const reference = `E2E-RF-BIG-${unique}`;
    const paymentUrl = await capturedOctopusPayment(page, reference);
    const dialog = await issueRefund(page, { amount: "60.00" });
    await expect(
      dialog.getByText(
        /Refunds above HK\$50\.00 wait for a second finance user or admin to approve them: this one will\./,
      ),
    ).toBeVisible();
    await dialog.getByRole("button", { name: "Issue refund" }).click();
    await answerStepUpIfAsked(page, "finance", refundStatuses(page).first());
    await expect(refundStatuses(page)).toHaveText(["Awaiting approval"]);

    await page.goto("/refunds");
    const mine = page.getByTestId("approval-row").filter({ hasText: reference });
    await expect(mine).toContainText("Needs another approver");
    await expect(mine.getByRole("button", { name: /Approve/ })).toHaveCount(0);

    const checker = await pageAs(browser, storageStateOfUser("finance2"));
    await checker.page.goto("/refunds");
    const row = checker.page.getByTestId("approval-row").filter({ hasText: reference });
    await row.getByRole("button", { name: /^Approve/ }).click();
    // One click sends nothing: the confirmation restates amount, payment and requester.
    await expect(row.getByTestId("approval-confirmation")).toHaveText(
      `Send HK$60.00 back to the customer of payment ${reference}, as finance@demo.test asked? The provider is asked at once; this cannot be undone here.`,
    );
    await row.getByRole("button", { name: "Yes, approve and send HK$60.00" }).click();
    // The row's own "Approved and sent" line leaves with the row, so the outcome is the refund among all refunds.
    await answerStepUpIfAsked(
      checker.page,
      "finance2",
      checker.page.getByTestId("refund-row").filter({ hasText: reference }).filter({ hasNotText: "Awaiting approval" }),
    );
    // Approved and sent: it leaves the queue and appears among all refunds as sent to the provider.
    await expect(row).toHaveCount(0);
    await expect(checker.page.getByTestId("refund-row").filter({ hasText: reference })).toContainText("Pending");
    await checker.context.close();

    await page.goto(paymentUrl);
    await expect(refundStatuses(page)).toHaveText(["Pending"]);
    await expect(page.getByTestId("refund").first()).toContainText("Decided by: finance2@demo.test");
  });

  test("refunds awaiting approval count in the summary, the dialog and the queue", async ({ page }) => {
    // The HKD threshold is HK$50.00 since the test before (serial): HK$100.00 waits for approval.
    const reference = `E2E-RF-AWAIT-${unique}`;
    await capturedOctopusPayment(page, reference, "150.00");
    const first = await issueRefund(page, { amount: "100.00" });
    await first.getByRole("button", { name: "Issue refund" }).click();
    await answerStepUpIfAsked(page, "finance", refundStatuses(page).first());
    await expect(refundStatuses(page)).toHaveText(["Awaiting approval"]);
    await expect(page.getByTestId("awaiting-approval-note")).toHaveText(
      "HK$100.00 awaiting approval; HK$50.00 if approved.",
    );

    const second = await issueRefund(page, { amount: "60.00" });
    await expect(
      second.getByText("Awaiting approval: HK$100.00 in other refunds; if they are approved, HK$50.00 is left."),
    ).toBeVisible();
    await expect(second.getByTestId("beyond-approvals")).toContainText(
      "HK$60.00 fits what is refundable now, but not beside the HK$100.00 awaiting approval",
    );
    await expect(second.getByText(/passes every rule/)).toHaveCount(0);
    await second.getByLabel("Amount").fill("50.00");
    await expect(second.getByTestId("beyond-approvals")).toHaveCount(0);
    await second.getByRole("button", { name: "Cancel" }).click();

    await page.goto("/refunds");
    const row = page.getByTestId("approval-row").filter({ hasText: reference });
    await expect(row.getByTestId("approval-refundable")).toHaveText("HK$150.00");
  });

  test("rejecting keeps the reason after a refusal; fixing only the reason rejects with exactly that reason", async ({
    page,
    browser,
  }) => {
    // The HK$100.00 refund of the test before (serial) still waits for approval.
    const reference = `E2E-RF-AWAIT-${unique}`;
    const checker = await pageAs(browser, storageStateOfUser("finance2"));
    await checker.page.goto("/refunds");
    const row = checker.page.getByTestId("approval-row").filter({ hasText: reference });
    await row.getByRole("button", { name: "Reject…" }).click();
    const reason = row.getByLabel("Reason");
    const tooLong = `Customer asked twice. ${"x".repeat(490)}`;
    await reason.fill(tooLong);
    await row.getByRole("button", { name: "Reject refund" }).click();
    await expect(row.getByText(/must be at most 500 characters/).first()).toBeVisible();
    await expect(reason).toHaveValue(tooLong);

    await reason.fill("Customer asked twice: the first refund covers it");
    await row.getByRole("button", { name: "Reject refund" }).click();
    // The row leaves the queue with its outcome, so the outcome is the refund among all refunds.
    await answerStepUpIfAsked(
      checker.page,
      "finance2",
      checker.page.getByTestId("refund-row").filter({ hasText: reference }).filter({ hasText: "Rejected" }),
    );
    await expect(row).toHaveCount(0);
    await checker.context.close();

    await page.goto(`/payments?q=${reference}`);
    await page.getByRole("link", { name: reference, exact: true }).first().click();
    await expect(refundStatuses(page)).toHaveText(["Rejected"]);
    await expect(page.getByTestId("refund").first()).toContainText(
      "(Customer asked twice: the first refund covers it)",
    );
  });

  test("ops watches a pending refund on the monitor and syncs it with the provider", async ({ page, browser }) => {
    const reference = `E2E-RF-SYNC-${unique}`;
    await capturedOctopusPayment(page, reference);
    const dialog = await issueRefund(page, { amount: "30.00" });
    await dialog.getByRole("button", { name: "Issue refund" }).click();
    await expect(refundStatuses(page)).toHaveText(["Pending"]);

    const ops = await pageAs(browser, storageStateOf("ops"));
    await ops.page.goto("/refunds");
    const row = ops.page.getByTestId("refund-row").filter({ hasText: reference });
    await expect(row).toContainText("HK$30.00");
    await row.getByRole("button", { name: "Sync now" }).click();
    await expect(row.getByRole("status")).toContainText("Synced with the provider");
    // A selection: the row's checkbox belongs to the "Sync selected" form.
    await ops.page.reload();
    const selected = ops.page.getByTestId("refund-row").filter({ hasText: reference });
    if (await selected.getByRole("checkbox").count()) {
      await selected.getByRole("checkbox").check();
      await ops.page.getByRole("button", { name: "Sync selected" }).click();
      await expect(ops.page.getByRole("status").filter({ hasText: "Synced with the provider" }).first()).toBeVisible();
    }
    await ops.context.close();
  });

  test("ops sees the monitor but cannot refund; merchant gets 403 on /refunds", async ({ page, browser }) => {
    const paymentUrl = await capturedOctopusPayment(page, `E2E-RF-OPS-${unique}`);
    const ops = await pageAs(browser, storageStateOf("ops"));
    expect((await ops.page.goto("/refunds"))?.status()).toBe(200);
    await expect(ops.page.getByRole("heading", { name: "Refunds", level: 1 })).toBeVisible();
    await expect(ops.page.getByRole("heading", { name: "Approvals queue" })).toHaveCount(0);
    await ops.page.goto(paymentUrl);
    await expect(ops.page.getByRole("heading", { name: "Refunds", level: 2 })).toBeVisible();
    await expect(ops.page.getByRole("button", { name: "Refund…" })).toHaveCount(0);
    await ops.context.close();

    const merchant = await pageAs(browser, storageStateOf("merchant"));
    expect((await merchant.page.goto("/refunds"))?.status()).toBe(403);
    await merchant.context.close();
  });

  test("Settings warns when a threshold is at or above OCTO's per-refund limit, where it could never apply", async ({
    browser,
  }) => {
    const admin = await pageAs(browser, storageStateOf("admin"));
    await admin.page.goto("/settings");
    const uzs = admin.page.getByRole("form", { name: "UZS approval threshold" });
    const save = async (amount: string) => {
      await uzs.getByLabel("UZS threshold").fill(amount);
      await uzs.getByRole("button", { name: "Save UZS" }).click();
      await answerStepUpIfAsked(admin.page, "admin", uzs.getByRole("status").filter({ hasText: "now need" }));
      await expect(uzs.getByRole("status")).toContainText("now need a second person's approval.");
    };
    await save("10000000.00");
    await expect(admin.page.getByTestId("threshold-unreachable-UZS")).toContainText(
      /No refund in UZS can be above UZS\s10,000,000\.00/,
    );
    await save("5000000.00");
    await expect(admin.page.getByTestId("threshold-unreachable-UZS")).toHaveCount(0);
    await admin.context.close();
  });
});
