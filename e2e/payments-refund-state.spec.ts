import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/platform/csv/csv";
import { expectNoAxeViolations } from "./support/axe";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { storageStateOf } from "./support/roles";
import { downloadWithStepUp } from "./support/step-up";

test.use({ storageState: storageStateOf("finance") });

const run = Date.now().toString(36).toUpperCase();
const signingKey = "3f54d56fc0e53bf8438655147bcf9f1a";
const sign = (body: string) => createHmac("sha256", signingKey).update(body).digest("hex");
const bodyRows = (page: Page) => page.locator("tbody tr");
const rowOf = (page: Page, reference: string) =>
  bodyRows(page).filter({ has: page.getByRole("link", { name: reference, exact: true }) });

async function refund(page: Page, amount: string | "full") {
  await page.getByRole("button", { name: "Refund…" }).click();
  const dialog = page.getByRole("dialog", { name: "Refund this payment" });
  if (amount === "full") await dialog.getByRole("radio", { name: /^Full/ }).check();
  else {
    await dialog.getByRole("radio", { name: "Partial" }).check();
    await dialog.getByLabel("Amount").fill(amount);
  }
  await dialog.getByLabel("Reason").selectOption({ label: "Customer request" });
  await dialog.getByRole("button", { name: "Issue refund" }).click();
  await expect(dialog).toBeHidden();
  // The sandbox approves a refund 5 s after the request and says so by webhook; the page follows live.
  await expect(page.getByTestId("refund").getByRole("status", { name: "Refund status" }).first()).toHaveText(
    "Approved",
    { timeout: 30_000 },
  );
}

/** The summary item's value on the payment page (its <dt> label, then the <dd>). */
const summaryValue = (page: Page, label: string) =>
  page.getByText(label, { exact: true }).locator("xpath=following-sibling::dd");

test.describe("[PAYMENTS] refund state wherever a payment appears", () => {
  test.describe.configure({ mode: "serial" });

  test("a payment refunded in part and one in full show the same refunded and net amounts in the list, on their pages, in the CSV and on the refunds monitor", async ({
    page,
  }) => {
    test.setTimeout(150_000);
    const partRef = `RS${run}-PART`;
    const fullRef = `RS${run}-FULL`;
    await capturedOctopusPayment(page, partRef);
    await refund(page, "20.00");
    await expect(page.getByTestId("refund-state")).toHaveText("Partially refunded HK$20.00");
    await expect(page.getByRole("status", { name: "Payment status" })).toHaveText("Captured");
    await expect(summaryValue(page, "Refunded")).toHaveText("HK$20.00");
    await expect(summaryValue(page, "Net")).toHaveText("HK$80.00");

    await capturedOctopusPayment(page, fullRef);
    await refund(page, "full");
    await expect(page.getByTestId("refund-state")).toHaveText("Refunded HK$100.00");
    await expect(summaryValue(page, "Refunded")).toHaveText("HK$100.00");
    await expect(summaryValue(page, "Net")).toHaveText("HK$0.00");

    await page.goto(`/payments?q=RS${run}-`);
    await expect(bodyRows(page)).toHaveCount(2);
    const part = rowOf(page, partRef);
    await expect(part.getByTestId("refunded")).toHaveText("HK$20.00");
    await expect(part.getByTestId("net")).toHaveText("HK$80.00");
    await expect(part).toContainText("Captured");
    await expect(part.getByTestId("refund-state")).toHaveText("Partially refunded HK$20.00");
    const full = rowOf(page, fullRef);
    await expect(full.getByTestId("refunded")).toHaveText("HK$100.00");
    await expect(full.getByTestId("net")).toHaveText("HK$0.00");
    await expect(full.getByTestId("refund-state")).toHaveText("Refunded HK$100.00");
    // The count and the control totals of the matching payments: captured, refunded and net.
    await expect(page.getByTestId("payments-count")).toHaveText("2 payments match");
    await page.getByText("totals by status and currency").click();
    await expect(page.getByTestId("payments-total")).toHaveText([
      "Captured, HKD: 2 payments; captured HK$200.00, refunded HK$120.00, net HK$80.00",
    ]);

    const download = await downloadWithStepUp(page, "finance", () =>
      page.getByRole("link", { name: "Export CSV" }).click(),
    );
    const [body = "", trailer = ""] = readFileSync((await download.path())!, "utf8").split("\r\n\r\n");
    const [header, ...rows] = parseCsv(body);
    const col = (name: string) => header!.indexOf(name);
    const csvRow = (reference: string) => rows.find((r) => r[col("reference")] === reference)!;
    expect(
      [partRef, fullRef].map((ref) => [
        csvRow(ref)[col("refunded_major")],
        csvRow(ref)[col("net_major")],
        csvRow(ref)[col("refund_state")],
        csvRow(ref)[col("status")],
      ]),
    ).toEqual([
      ["20.00", "80.00", "Partially refunded", "captured"],
      ["100.00", "0.00", "Refunded", "captured"],
    ]);
    expect(parseCsv(trailer)).toContainEqual([
      "total",
      "captured",
      "HKD",
      "2",
      "20000",
      "200.00",
      "12000",
      "120.00",
      "8000",
      "80.00",
    ]);

    // The refunds monitor shows each refund's payment with the same refund state and net.
    await page.goto("/refunds");
    const monitorRow = (reference: string) =>
      page.getByTestId("refund-row").filter({ has: page.getByRole("link", { name: reference, exact: true }) });
    await expect(monitorRow(partRef).getByTestId("refund-state")).toHaveText("Partially refunded HK$20.00");
    await expect(monitorRow(partRef).getByTestId("payment-net")).toHaveText("net HK$80.00");
    await expect(monitorRow(fullRef).getByTestId("refund-state")).toHaveText("Refunded HK$100.00");
    await expect(monitorRow(fullRef).getByTestId("payment-net")).toHaveText("net HK$0.00");

    // The refund state, the totals and the phone cards pass axe in both themes (see accessibility.spec.ts for the rest).
    const detailPath = await full.getByRole("link").getAttribute("href");
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      for (const width of [1280, 390]) {
        await page.setViewportSize({ width, height: 900 });
        await page.goto(`/payments?q=RS${run}-`);
        await page.getByText("totals by status and currency").click();
        await expect(page.getByTestId("payments-total")).toBeVisible();
        await expectNoAxeViolations(page, `payments list with refunded payments (${colorScheme}, ${width} px)`);
        await page.screenshot({ path: test.info().outputPath(`list-${colorScheme}-${width}.png`), fullPage: true });
        await page.goto(detailPath!);
        await expect(page.getByTestId("refund-state")).toBeVisible();
        await expectNoAxeViolations(page, `refunded payment page (${colorScheme}, ${width} px)`);
        await page.screenshot({ path: test.info().outputPath(`detail-${colorScheme}-${width}.png`) });
      }
    }
  });
});

test.describe("[PAYMENTS] the list for daily use", () => {
  const prefix = `DU${run}-`;
  const made = Array.from({ length: 53 }, (_, i) => ({
    reference: `${prefix}${String(i).padStart(2, "0")}-${run}S${i}`,
    amount: 1000 + i * 10,
  }));

  test.beforeAll(async ({}, testInfo) => {
    const api = await playwrightRequest.newContext({ baseURL: testInfo.project.use.baseURL });
    for (const [i, payment] of made.entries()) {
      const body = JSON.stringify({
        id: `evt_du_${run}_${i}`,
        type: "payment_captured",
        created_on: new Date().toISOString(),
        data: {
          id: `pay_${`du${run}${String(i).padStart(3, "0")}`.toLowerCase().padEnd(26, "0")}`,
          amount: payment.amount,
          currency: "HKD",
          reference: payment.reference,
        },
      });
      const response = await api.post("/api/webhooks/checkout", {
        headers: { "content-type": "application/json", "cko-signature": sign(body) },
        data: body,
      });
      expect(await response.json()).toEqual({ outcome: "applied" });
    }
    await api.dispose();
  });

  /** The references of the page's rows, once its table has streamed in (the list renders after its loading frame). */
  const references = async (page: Page) => {
    await expect(page.getByRole("table", { name: /^Payments,/ })).toBeVisible();
    return bodyRows(page).getByRole("link").allInnerTexts();
  };

  test("goes to the next page and back to the same rows, under each sort, with the count", async ({ page }) => {
    for (const query of [`q=${prefix}`, `q=${prefix}&sort=oldest`, `q=${prefix}&currency=HKD&sort=amount_asc`]) {
      await page.goto(`/payments?${query}`);
      await expect(page.getByTestId("payments-count")).toHaveText("53 payments match");
      await expect(bodyRows(page)).toHaveCount(50);
      const first = await references(page);
      expect(first).toHaveLength(50);
      await expect(page.getByRole("link", { name: "Previous page" })).toHaveCount(0);
      await page.getByRole("link", { name: "Next page" }).click();
      await expect(bodyRows(page)).toHaveCount(3);
      await page.getByRole("link", { name: "Previous page" }).click();
      await expect(bodyRows(page)).toHaveCount(50);
      expect(await references(page), query).toEqual(first);
      await expect(page.getByRole("link", { name: "Next page" })).toBeVisible();
    }
    // Amounts are not compared across currencies: an amount sort without one says so.
    await page.goto(`/payments?q=${prefix}&sort=amount_desc`);
    await expect(page.getByRole("alert").filter({ hasText: "Some filters were ignored" })).toContainText(
      "sort needs a currency: amounts in different currencies are not compared",
    );
  });

  test("finds a payment by the end of its reference and by its customer's name", async ({ page }) => {
    // The end of a reference (the start of this one is the prefix shared by all 53).
    await page.goto(`/payments?q=${run}S17`);
    expect(await references(page)).toEqual([made[17]!.reference]);
    await page.goto(`/payments?q=s17`);
    expect(await references(page)).toContain(made[17]!.reference);

    const name = `Zed Customer ${run}`;
    await page.goto("/payments/new");
    await page.getByRole("radio", { name: /one API call/ }).check();
    await page.getByLabel("Amount").fill("12.30");
    await page.getByLabel("Reference (optional)").fill(`${prefix}NAMED`);
    await page.getByLabel("Customer email (optional)").fill(`zed.${run.toLowerCase()}@example.test`);
    await page.getByLabel("Customer name (optional)").fill(name);
    await page.getByRole("button", { name: "Request payment" }).click();
    await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}$/);
    await page.goto("/payments");
    const form = page.getByRole("form", { name: "Filter payments" });
    await expect(
      form.getByText("the start of a reference, customer email or customer name, or the end of a reference"),
    ).toBeVisible();
    await form.getByLabel("Search").fill(`zed customer ${run.toLowerCase()}`);
    await form.getByRole("button", { name: "Apply filters" }).click();
    expect(await references(page)).toEqual([`${prefix}NAMED`]);
    // The currency filter offers the currencies the ledger holds.
    const offered = await form.getByLabel("Currency").locator("option").allTextContents();
    expect(offered[0]).toBe("All");
    expect(offered).toContain("HKD");
    expect(offered).not.toContain("KWD");
  });

  test("at 390 px the list scrolls only down, and tapping a card opens its payment", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`/payments?q=${prefix}`);
    await expect(bodyRows(page)).toHaveCount(50);
    const widths = await page.evaluate(() => ({
      document: document.documentElement.scrollWidth,
      viewport: window.innerWidth,
    }));
    expect(widths.document).toBeLessThanOrEqual(widths.viewport);
    const card = bodyRows(page).first();
    const reference = await card.getByRole("link").innerText();
    // Tap the card away from its link: its top left corner (the created time).
    await card.click({ position: { x: 8, y: 8 } });
    await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { name: `Payment ${reference}` })).toBeVisible();
  });
});
