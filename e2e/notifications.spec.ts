import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolationsInBothThemes } from "./support/axe";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { issuePartialRefund } from "./support/partial-refund";
import { storageStateOf } from "./support/roles";
import { callServerAction } from "./support/server-actions";

const unique = Date.now().toString(36).toUpperCase();
const markRead = {
  file: "lib/app/actions/notifications/mark-notification-read.ts",
  name: "markNotificationReadAction",
};

const bell = (page: Page) => page.getByRole("link", { name: /^Notifications, \d+ unread$/ });
const unreadRows = (page: Page) => page.getByTestId("notification").filter({ hasText: "Unread" });

/**
 * The bell counts the unread rows the page lists (other specs running beside this one may decline
 * refunds too, so the count is compared with the list rather than assumed).
 */
async function expectBellToCountUnreadRows(page: Page) {
  const unread = await unreadRows(page).count();
  await expect(bell(page)).toHaveAccessibleName(`Notifications, ${unread} unread`);
  return unread;
}

test.describe("[ALERTS] a declined refund reaches the people who watch refunds", () => {
  test("ops sees the bell count it, opens it from the notification centre and marks it read; nobody else can mark it", async ({
    browser,
    baseURL,
  }) => {
    test.setTimeout(120_000);
    const ops = await (await browser.newContext({ storageState: storageStateOf("ops") })).newPage();
    const finance = await (await browser.newContext({ storageState: storageStateOf("finance") })).newPage();

    await ops.goto("/notifications");
    await expect(ops.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
    const markAll = ops.getByRole("button", { name: "Mark all read" });
    if (await markAll.isEnabled()) {
      await markAll.click();
      await expect(ops.getByRole("status").filter({ hasText: /Marked \d+ notifications? read\./ })).toBeVisible();
    }
    await expect(bell(ops)).toHaveAccessibleName("Notifications, 0 unread");

    const paymentPath = new URL(await capturedOctopusPayment(finance, `E2E-ALERT-${unique}`)).pathname;
    // Ends in 10: declined by Octopus in the sandbox, 5 s after the request.
    await issuePartialRefund(finance, "30.10");
    const refund = finance.getByTestId("refund").first();
    await expect(refund.getByRole("status", { name: "Refund status" })).toHaveText("Declined", { timeout: 30_000 });

    const ours = ops.getByTestId("notification").filter({ has: ops.locator(`a[href^="${paymentPath}#refund-"]`) });
    await expect(async () => {
      await ops.goto("/notifications");
      await expect(ours).toHaveCount(1, { timeout: 1_000 });
    }).toPass({ timeout: 20_000 });
    await expect(ours).toContainText("Unread");
    const title = "A refund of HK$30.10 was declined by Checkout.com.";
    await expect(ours.getByRole("link", { name: title })).toBeVisible();
    expect(await expectBellToCountUnreadRows(ops)).toBeGreaterThanOrEqual(1);
    await expectNoAxeViolationsInBothThemes(ops, "notifications with an unread alert");

    // Someone else's notification id marks nothing.
    const notificationId = await ours.locator('input[name="notificationId"]').inputValue();
    const foreign = await callServerAction(finance.request, baseURL!, markRead, { notificationId });
    expect(foreign.body).toContain("Nothing changed: that is not one of your unread notifications.");
    await ops.reload();
    await expect(ours).toContainText("Unread");

    await ours.getByRole("link", { name: title }).click();
    await expect(ops).toHaveURL(new RegExp(`${paymentPath}#refund-[0-9a-f-]{36}$`));
    const anchor = new URL(ops.url()).hash;
    await expect(ops.locator(anchor)).toBeVisible();
    await expect(ops.locator(anchor).getByRole("status", { name: "Refund status" })).toHaveText("Declined");

    await ops.goto("/notifications");
    const before = await expectBellToCountUnreadRows(ops);
    await ours.getByRole("button", { name: `Mark read: ${title}` }).click();
    await expect(ours.getByRole("status")).toHaveText("Marked read.");
    await expect(ours).not.toContainText("Unread");
    await expect(ours).toContainText("Read");
    await expect(bell(ops)).toHaveAccessibleName(`Notifications, ${before - 1} unread`);
    await ops.context().close();
    await finance.context().close();
  });
});
