import { expect, test, type Page } from "@playwright/test";
import { sandboxCredentials } from "../lib/integrations/sandbox/credentials";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { storageStateOf, storageStateOfUser } from "./support/roles";
import { answerStepUpIfAsked } from "./support/step-up";

test.use({ storageState: storageStateOf("finance") });

const unique = Date.now().toString(36).toUpperCase();
const refundStatuses = (page: Page) => page.getByTestId("refund").getByRole("status", { name: "Refund status" });

test.describe("[PAYMENT TIMELINE] one timeline for a payment and its refunds", () => {
  test("shows the refund's staff actions with who, our calls with their request and response, and the webhook naming the refund", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    // Above any HKD approval threshold in use (HK$10,000 by default, HK$50 once refunds.spec has run): it waits for a second person.
    const reference = `E2E-TL-${unique}`;
    const paymentUrl = await capturedOctopusPayment(page, reference, "12000.00");
    await page.getByRole("button", { name: "Refund…" }).click();
    const dialog = page.getByRole("dialog", { name: "Refund this payment" });
    await dialog.getByRole("radio", { name: "Partial" }).check();
    await dialog.getByLabel("Amount").fill("11000.00");
    await dialog.getByLabel("Reason").selectOption({ label: "Customer request" });
    await dialog.getByRole("button", { name: "Issue refund" }).click();
    await answerStepUpIfAsked(page, "finance", refundStatuses(page).first());
    await expect(refundStatuses(page)).toHaveText(["Awaiting approval"]);
    const refundId = await page.getByTestId("refund").first().getAttribute("data-refund-id");

    const checker = await browser.newContext({ storageState: storageStateOfUser("finance2") });
    const checkerPage = await checker.newPage();
    await checkerPage.goto("/refunds");
    const row = checkerPage.getByTestId("approval-row").filter({ hasText: reference });
    await row.getByRole("button", { name: /^Approve/ }).click();
    await row.getByRole("button", { name: "Yes, approve and send HK$11,000.00" }).click();
    await answerStepUpIfAsked(
      checkerPage,
      "finance2",
      checkerPage.getByTestId("refund-row").filter({ hasText: reference }).filter({ hasNotText: "Awaiting approval" }),
    );
    await expect(row).toHaveCount(0);
    await checker.close();

    await page.goto(paymentUrl);
    // The sandbox decides the refund 5 s after it was sent and says so by webhook; the page follows live.
    await expect(refundStatuses(page)).toHaveText(["Approved"], { timeout: 30_000 });
    const timeline = page.getByRole("table", { name: "Payment timeline, oldest first" });
    const entry = (text: string | RegExp) => timeline.getByTestId("timeline-entry").filter({ hasText: text });

    await expect(
      entry(/asked for the refund of HK\$11,000\.00; it waits for a second person's approval\./),
    ).toContainText("finance@demo.test");
    const approved = entry(/approved the refund of HK\$11,000\.00\./);
    await expect(approved).toContainText("finance2@demo.test");
    await expect(approved).toContainText("Staff");
    const link = approved.getByRole("link", { name: "Refund of HK$11,000.00" });
    await expect(link).toHaveAttribute("href", `#refund-${refundId}`);
    await link.click();
    await expect(page).toHaveURL(new RegExp(`#refund-${refundId}$`));
    await expect(page.locator(`[id="refund-${refundId}"]`)).toBeInViewport();

    // Our refund call: what we sent and what Checkout.com answered, bodies folded until asked for.
    const sent = entry("Checkout.com accepted the refund of HK$11,000.00 and will decide on it.");
    const call = sent.getByTestId("api-call");
    await expect(call).toContainText("Checkout.com: refund payment");
    await expect(call).toContainText(/POST \/payments\/pay_\w+\/refunds/);
    await expect(call.locator("pre")).toHaveCount(2);
    await expect(call.locator("pre").first()).toBeHidden();
    await call.getByText("Request", { exact: true }).click();
    await expect(call.locator("pre").first()).toContainText(`"amount": 1100000`);
    await expect(call.locator("pre").first()).toContainText(`"refund_id": "${refundId}"`);
    await call.getByText("Response", { exact: true }).click();
    await expect(call.locator("pre").nth(1)).toContainText(/"action_id": "act_\w+"/);

    // The payment request's own call is on the payment's entry.
    await expect(entry("Checkout.com accepted the payment request.").getByTestId("api-call")).toContainText(
      "POST /payments",
    );

    // The provider's webhook names the refund and its amount, and so does the decision it carried.
    await expect(
      entry("Checkout.com sent a webhook about the refund of HK$11,000.00.").filter({
        hasText: "Event payment_refunded",
      }),
    ).toBeVisible();
    await expect(entry("Checkout.com said the refund of HK$11,000.00 was approved.")).toContainText(
      "Refund of HK$11,000.00",
    );

    // No key or credential reaches the page, even with every body open.
    const html = await page.content();
    for (const secret of [sandboxCredentials.checkout.secretKey, sandboxCredentials.octo.secret])
      expect(html).not.toContain(secret);
  });
});
