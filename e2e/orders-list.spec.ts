import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/platform/csv/csv";
import { orderExportColumns, orderTotalsColumns } from "../lib/domain/orders/list/orders-csv";
import { expectNoAxeViolations } from "./support/axe";
import { roleUsers, storageStateOf } from "./support/roles";
import { downloadWithStepUp } from "./support/step-up";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

test.describe.configure({ mode: "serial" });

/** No other spec uses this sandbox outcome, so its client_reference prefix finds only this spec's orders. */
const outcome = "SIM_FAIL_OPERATOR_REJECTED";
const listPath = `/orders?q=${outcome}-`;

async function placeRefusedTopup(page: Page): Promise<string> {
  await page.goto("/orders/new?vertical=topup&phone=%2B85251234567");
  await page.getByRole("link", { name: /CSL Hong Kong/ }).click();
  const variant = page.getByTestId("topup-variant-72");
  await variant.getByLabel("Wallet").selectOption("2");
  await variant.getByRole("button", { name: "Get quote" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Review and confirm" })).toBeVisible();
  await page.getByLabel("Sandbox outcome").selectOption(outcome);
  await page.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Failed", { timeout: 30_000 });
  return new URL(page.url()).pathname;
}

/** A downloaded CSV's header and records. */
async function csvOf(
  download: Awaited<ReturnType<typeof downloadWithStepUp>>,
): Promise<{ header: string[]; records: string[][] }> {
  const [header, ...records] = parseCsv(readFileSync((await download.path())!, "utf8"));
  return { header: header!, records };
}

test.describe("[ORDERS] the orders list for reconciliation", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("shows who ordered for whom, why it failed and what it cost net; exports a clean CSV and its control totals", async ({
    page,
    browser,
  }) => {
    test.setTimeout(180_000);
    const orderPath = await placeRefusedTopup(page);

    await page.goto(listPath);
    const row = page.locator(`[data-testid="order-${orderPath.split("/").pop()}"]`);
    await expect(row.getByTestId("placed-by")).toContainText(roleUsers.merchant);
    await expect(row.getByTestId("recipient")).toHaveText("+85251234567");
    await expect(row.getByTestId("failure-reason")).toHaveText(/^[A-Z].*rejected.*\.$/);
    await expect(row.getByTestId("failure-reason")).not.toContainText(outcome);
    const [charged] = (await row.getByTestId("charged").innerText()).split("\n");
    const net = await row.getByTestId("net").innerText();
    const refunded = await row.getByTestId("refunded").innerText();

    // The control totals above the table: one order, in its wallet's currency, net of what was given back.
    await expect(page.getByTestId("orders-count")).toHaveText("1 order matches");
    const total = page.getByTestId("orders-total");
    await expect(total).toHaveCount(1);
    await expect(total).toContainText(`1 order; charged ${charged}, refunded `);
    if (refunded !== "—") await expect(total).toContainText(`refunded ${refunded}, net`);
    await expect(total).toContainText(`net ${net}`);
    const currency = await total.getAttribute("data-currency");

    // The status filter offers every status a reconciler asks about.
    await expect(page.getByLabel("Status").locator("option", { hasText: "Partially delivered" })).toHaveCount(1);

    const csv = await csvOf(
      await downloadWithStepUp(page, "merchant", () => page.getByRole("link", { name: "Export CSV" }).click()),
    );
    expect(csv.header).toEqual([...orderExportColumns]);
    expect(csv.records).toHaveLength(1);
    expect(csv.records[0]).toHaveLength(orderExportColumns.length);
    const record = Object.fromEntries(csv.header.map((name, i) => [name, csv.records[0]![i]]));
    expect(record).toMatchObject({
      status: "failed",
      currency,
      placed_by_email: roleUsers.merchant,
      recipient: "'+85251234567",
      failure_code: "OPERATOR_REJECTED",
    });

    const totals = await csvOf(
      await downloadWithStepUp(page, "merchant", () =>
        page.getByRole("link", { name: "Export control totals" }).click(),
      ),
    );
    expect(totals.header).toEqual([...orderTotalsColumns]);
    const column = (name: string) => totals.header.indexOf(name);
    const perCurrency = totals.records.find((r) => r[0] === currency)!;
    for (const name of ["charged_minor", "refunded_minor", "net_minor", "charged_major", "net_major"])
      expect(perCurrency[column(name)], name).toBe(record[name]);
    expect(perCurrency[column("order_count")]).toBe("1");
    expect(totals.records.at(-1)!.slice(0, 2)).toEqual(["ALL", "1"]);

    await expectWalletsReconciled(browser);
  });

  test("reads well in both themes and on a phone: axe-clean, no sideways scrolling, a tap on a card opens the order", async ({
    page,
    browser,
  }) => {
    test.setTimeout(120_000);
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(listPath);
        await expect(page.getByTestId("orders-total")).toBeVisible();
        await expectNoAxeViolations(page, `orders list (${colorScheme}, ${width} px)`);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `page width at ${width} px`,
        ).toBeLessThanOrEqual(width);
        await page.screenshot({ path: test.info().outputPath(`orders-${colorScheme}-${width}.png`), fullPage: true });
      }
    }
    // On the card's recipient line, not on the product link.
    const recipient = page.getByTestId("recipient").first();
    await recipient.scrollIntoViewIfNeeded();
    const box = (await recipient.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}/);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Failed");

    await expectWalletsReconciled(browser);
  });
});
