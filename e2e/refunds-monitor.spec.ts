import { expect, test, type Browser, type Page } from "@playwright/test";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { storageStateOf } from "./support/roles";
import { callServerAction } from "./support/server-actions";

// The refunds monitor for daily use: pages both ways, bulk Sync of a whole page, folded filters,
// a phone layout, and the time zone chosen on the payments list. Serial: the first test makes
// more than a page of refunds.
test.describe.configure({ mode: "serial" });

const unique = Date.now().toString(36).toUpperCase();
const reference = `E2E-MON-${unique}`;
const refundCount = 55;
let paymentPath = "";

async function pageAs(browser: Browser, role: "finance" | "ops") {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  return { page: await context.newPage(), close: () => context.close() };
}

const rowIds = (page: Page) =>
  page.getByTestId("refund-row").evaluateAll((rows) => rows.map((row) => row.getAttribute("data-refund-id")));

test("finance makes more than a page of refunds on one payment", async ({ browser, baseURL }) => {
  // 55 refunds, each sent to the sandbox: slow on a loaded machine.
  test.setTimeout(180_000);
  const { page, close } = await pageAs(browser, "finance");
  paymentPath = new URL(await capturedOctopusPayment(page, reference)).pathname;
  const paymentId = paymentPath.split("/").pop()!;
  for (let i = 0; i < refundCount; i++) {
    const sent = await callServerAction(
      page.request,
      baseURL!,
      { file: "lib/app/actions/refunds/issue-refund.ts", name: "issueRefundAction" },
      { paymentId, kind: "partial", amount: "1.00", reason: "duplicate", idempotencyKey: crypto.randomUUID() },
    );
    expect(sent.status).toBe(200);
  }
  await page.reload();
  await expect(page.getByTestId("refund")).toHaveCount(refundCount);
  await close();
});

test("the monitor pages to older refunds and back to the same rows, and says how many there are", async ({
  browser,
}) => {
  const { page, close } = await pageAs(browser, "ops");
  await page.goto("/refunds");
  await expect(page.getByTestId("match-count")).toHaveText(/^\d+ refunds in all\.$/);
  const total = Number((await page.getByTestId("match-count").textContent())!.match(/\d+/)![0]);
  expect(total).toBeGreaterThanOrEqual(refundCount);
  const pages = page.getByRole("navigation", { name: "Pages" });
  await expect(pages.getByRole("link", { name: "Newer refunds" })).toHaveCount(0);
  const first = await rowIds(page);
  expect(first).toHaveLength(50);
  expect(first.every((id) => id && /^[0-9a-f-]{36}$/.test(id))).toBe(true);

  await pages.getByRole("link", { name: "Older refunds" }).click();
  await expect(page).toHaveURL(/cursor=older\./);
  // The URL changes before the new rows are rendered: wait for them.
  await expect.poll(async () => (await rowIds(page)).some((id) => first.includes(id))).toBe(false);
  expect((await rowIds(page)).length).toBeGreaterThan(0);

  await pages.getByRole("link", { name: "Newer refunds" }).click();
  await expect(page).toHaveURL(/cursor=newer\./);
  // Refunds other specs make meanwhile are newer than all of these, so this page is unchanged.
  await expect.poll(() => rowIds(page)).toEqual(first);
  await close();
});

test("ops selects every syncable refund on the page with one checkbox and syncs them", async ({ browser }) => {
  const { page, close } = await pageAs(browser, "ops");
  await page.goto("/refunds");
  const rowBoxes = page.getByTestId("refund-row").getByRole("checkbox");
  const syncable = await rowBoxes.count();
  expect(syncable).toBeGreaterThan(1);
  const all = page.getByRole("checkbox", { name: `Select all ${syncable} that can be synced on this page` });
  const count = page.getByTestId("selected-count");
  await expect(count).toHaveText("0 selected");
  await expect(page.getByRole("button", { name: "Sync selected" })).toBeDisabled();

  await all.check();
  await expect(count).toHaveText(`${syncable} selected`);
  for (const box of await rowBoxes.all()) await expect(box).toBeChecked();

  // One row left out: the header box is mixed.
  await rowBoxes.first().uncheck();
  await expect(count).toHaveText(`${syncable - 1} selected`);
  expect(await all.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(true);

  // From the keyboard: Space on the header box selects them all again.
  await all.focus();
  await page.keyboard.press("Space");
  await expect(count).toHaveText(`${syncable} selected`);
  expect(await all.evaluate((box: HTMLInputElement) => box.indeterminate)).toBe(false);

  await page.getByRole("button", { name: "Sync selected" }).click();
  await expect(page.getByTestId("sync-selection").getByRole("status")).toContainText("Synced with the provider", {
    timeout: 30_000,
  });
  await close();
});

test("the filters fold away until one is set, then stay open and say how many", async ({ browser }) => {
  const { page, close } = await pageAs(browser, "ops");
  await page.goto("/refunds");
  const panel = page.getByTestId("collapsible-filters");
  const form = page.getByRole("form", { name: "Filter refunds" });
  await expect(form).toBeHidden();
  await panel.getByText("Filters", { exact: true }).click();
  await expect(form).toBeVisible();
  await form.getByLabel("Provider").selectOption({ label: "Checkout.com" });
  await form.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/provider=checkout/);
  await expect(form).toBeVisible();
  await expect(panel.locator("summary")).toHaveText("Filters · 1 set");
  await expect(page.getByTestId("match-count")).toHaveText(/refunds? match(es)? these filters\.$/);
  await close();
});

test("at 390 px the monitor has no sideways scrolling and a tap on a row opens its payment", async ({ browser }) => {
  const { page, close } = await pageAs(browser, "ops");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/refunds");
  const row = page.getByTestId("refund-row").filter({ hasText: reference }).first();
  await expect(row).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Not on the link's text: on the card's amount line.
  const amount = row.getByText("HK$1.00");
  // A mouse click lands at viewport coordinates: bring the card into view first.
  await amount.scrollIntoViewIfNeeded();
  const box = (await amount.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
  await expect(page).toHaveURL(new RegExp(`${paymentPath}$`));
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await close();
});

test("the time zone chosen on the payments list carries to the payment and to the monitor", async ({ browser }) => {
  const { page, close } = await pageAs(browser, "finance");
  const zone = "Asia/Hong_Kong";
  await page.goto(`/payments?tz=${encodeURIComponent(zone)}&q=${reference}`);
  await expect(page.getByRole("columnheader", { name: `Created (${zone})` })).toBeVisible();
  await page.getByRole("link", { name: reference }).click();
  await expect(page).toHaveURL(new RegExp(`${paymentPath}`));
  await expect(page.getByText(`Created (${zone})`, { exact: true })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: `Time (${zone})` })).toBeVisible();
  // Shown as the wall clock in Hong Kong (UTC+8, no daylight saving).
  const created = page.getByText(`Created (${zone})`, { exact: true }).locator("xpath=..").locator("time");
  const instant = new Date((await created.getAttribute("datetime"))!);
  await expect(created).toHaveText(
    new Date(instant.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace("T", " "),
  );

  // From the menu, with no parameter: the monitor remembers the zone and keeps it on its links.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Refunds" }).click();
  await expect(page).toHaveURL(/\/refunds$/);
  await expect(page.locator("#refund-list").getByRole("columnheader", { name: `Requested (${zone})` })).toBeVisible();
  const link = page
    .getByTestId("refund-row")
    .filter({ hasText: reference })
    .first()
    .getByRole("link", { name: reference });
  expect(await link.getAttribute("href")).toBe(`${paymentPath}?tz=${encodeURIComponent(zone)}`);

  // Choosing UTC again on the list is remembered too.
  await page.goto("/payments?tz=UTC");
  await page.goto("/refunds");
  await expect(page.locator("#refund-list").getByRole("columnheader", { name: "Requested (UTC)" })).toBeVisible();
  await close();
});
