import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type Page } from "@playwright/test";
import { parseCsv } from "../lib/platform/csv/csv";
import { storageStateOf } from "./support/roles";
import { downloadWithStepUp } from "./support/step-up";

const signingKey = "3f54d56fc0e53bf8438655147bcf9f1a";
const sign = (body: string) => createHmac("sha256", signingKey).update(body).digest("hex");

/** One run's payments: a unique reference prefix keeps them apart from every other spec's. */
const run = Date.now().toString(36);
const prefix = `PL${run}-`;
const eventTypes = ["payment_captured", "payment_pending", "payment_declined"] as const;
const statusOf = { payment_captured: "captured", payment_pending: "pending", payment_declined: "declined" } as const;

interface Made {
  reference: string;
  amount: number;
  currency: "HKD" | "USD";
  status: (typeof statusOf)[keyof typeof statusOf];
}
const made: Made[] = Array.from({ length: 53 }, (_, i) => ({
  reference: `${prefix}${String(i).padStart(2, "0")}`,
  amount: 1000 + i * 10,
  currency: i % 5 === 0 ? "USD" : "HKD",
  status: statusOf[eventTypes[i % 3]!],
}));

test.beforeAll(async ({}, testInfo) => {
  const api = await playwrightRequest.newContext({ baseURL: testInfo.project.use.baseURL });
  for (const [i, payment] of made.entries()) {
    const body = JSON.stringify({
      id: `evt_${run}_${i}`,
      type: eventTypes[i % 3],
      created_on: new Date().toISOString(),
      data: {
        id: `pay_${`${run}${String(i).padStart(3, "0")}`.padEnd(26, "0")}`,
        amount: payment.amount,
        currency: payment.currency,
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

const bodyRows = (page: Page) => page.locator("tbody tr");
/** The references of the page's rows, once its table has streamed in (the list renders after its loading frame). */
async function referencesOnPage(page: Page): Promise<string[]> {
  await expect(page.getByRole("table", { name: /^Payments,/ })).toBeVisible();
  return bodyRows(page).getByRole("link").allInnerTexts();
}

test.describe("[PAYMENTS] list, filters and export", () => {
  test.use({ storageState: storageStateOf("finance") });

  test("filters narrow the list, live in the URL, and survive reload and back", async ({ page }) => {
    await page.goto(`/payments?q=${prefix}`);
    await expect(bodyRows(page)).toHaveCount(50);
    await expect(page.getByRole("link", { name: "Request payment" })).toHaveAttribute("href", "/payments/new");
    await expect(page.getByRole("link", { name: "Import by id" })).toHaveAttribute("href", "/payments/import");

    const form = page.getByRole("form", { name: "Filter payments" });
    // Search and sort stay in view; the narrowing filters are folded until one is set.
    const more = form.getByTestId("more-payment-filters");
    await expect(more).not.toHaveAttribute("open");
    await more.getByText("More filters").click();
    await form.getByRole("checkbox", { name: "declined" }).check();
    await form.getByLabel("Currency").selectOption("HKD");
    await form.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/status=declined/);
    const declinedHkd = made.filter((m) => m.status === "declined" && m.currency === "HKD");
    await expect(bodyRows(page)).toHaveCount(declinedHkd.length);
    for (const row of await bodyRows(page).all()) {
      await expect(row).toContainText("Declined");
      await expect(row).toContainText("HK$");
    }

    await page.reload();
    await expect(bodyRows(page)).toHaveCount(declinedHkd.length);
    await expect(form.getByRole("checkbox", { name: "declined" })).toBeChecked();
    await expect(form.getByLabel("Currency")).toHaveValue("HKD");
    await expect(more).toHaveAttribute("open");
    await expect(more.locator("summary")).toHaveText("More filters · 2 set");

    // Amounts are typed in major units and compared exactly; the first row links to its payment.
    await page.goto(`/payments?q=${prefix}&currency=HKD&min=10.50&max=11.00&sort=amount_asc`);
    const inRange = made
      .filter((m) => m.currency === "HKD" && m.amount >= 1050 && m.amount <= 1100)
      .sort((a, b) => a.amount - b.amount);
    expect(await referencesOnPage(page)).toEqual(inRange.map((m) => m.reference));
    expect(inRange[0]!.amount).toBe(1060); // 10.50 is a USD payment: the currency filter keeps it out
    await expect(bodyRows(page).first()).toContainText("HK$10.60");

    await page.goBack();
    await expect(page).toHaveURL(/status=declined/);
    await expect(bodyRows(page)).toHaveCount(declinedHkd.length);
    await page.goBack();
    await expect(bodyRows(page)).toHaveCount(50);
  });

  test("sorts, pages without gaps or repeats, and says when nothing matches", async ({ page }) => {
    await page.goto(`/payments?q=${prefix}&sort=oldest`);
    await expect(bodyRows(page)).toHaveCount(50);
    const first = await referencesOnPage(page);
    expect(first).toHaveLength(50);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(page).toHaveURL(/cursor=/);
    await expect(bodyRows(page)).toHaveCount(3);
    const second = await referencesOnPage(page);
    expect([...first, ...second]).toEqual(made.map((m) => m.reference));
    // Amounts are sorted within one currency.
    await page.goto(`/payments?q=${prefix}&currency=HKD&sort=amount_desc`);
    const byAmountDesc = made
      .filter((m) => m.currency === "HKD")
      .sort((a, b) => b.amount - a.amount)
      .map((m) => m.reference);
    await expect(bodyRows(page)).toHaveCount(byAmountDesc.length);
    expect(await referencesOnPage(page)).toEqual(byAmountDesc);
    await page.goto(`/payments?q=${prefix}&sort=oldest`);
    await page.getByRole("link", { name: "Next page" }).click();
    await expect(bodyRows(page)).toHaveCount(3);
    await expect(page.getByRole("link", { name: "Next page" })).toHaveCount(0);
    await page.getByRole("link", { name: "First page" }).click();
    await expect(page).not.toHaveURL(/cursor=/);
    await expect(bodyRows(page)).toHaveCount(50);
    expect(await referencesOnPage(page)).toEqual(first);

    await page.goto(`/payments?q=${prefix}&sort=oldest`);
    await expect(bodyRows(page)).toHaveCount(50);
    expect((await referencesOnPage(page)).slice(0, 3)).toEqual(made.slice(0, 3).map((m) => m.reference));
    await expect(bodyRows(page).first().getByRole("link", { name: made[0]!.reference })).toHaveAttribute(
      "href",
      /^\/payments\/[0-9a-f-]{36}$/,
    );

    await page.goto(`/payments?q=${prefix}nothing-here`);
    await expect(page.getByText("No payment matches these filters.")).toBeVisible();
    await expect(bodyRows(page)).toHaveCount(0);

    // A bad value is ignored and named; the valid filters still apply.
    await page.goto(`/payments?q=${prefix}&min=10&status=declined`);
    await expect(page.getByRole("alert").filter({ hasText: "Some filters were ignored" })).toContainText(
      "min needs a currency",
    );
    await expect(bodyRows(page)).toHaveCount(made.filter((m) => m.status === "declined").length);
  });

  test("the export downloads the filtered rows with control totals, and is audited", async ({ page, browser }) => {
    await page.goto(`/payments?q=${prefix}&currency=HKD&tz=Asia/Hong_Kong`);
    const download = await downloadWithStepUp(page, "finance", () =>
      page.getByRole("link", { name: "Export CSV" }).click(),
    );
    expect(download.suggestedFilename()).toMatch(/^payments-\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, "utf8");
    const [body = "", trailer = ""] = text.split("\r\n\r\n");
    const [header, ...rows] = parseCsv(body);
    const col = (name: string) => header!.indexOf(name);
    const hkd = made.filter((m) => m.currency === "HKD");
    expect(rows.map((r) => r[col("reference")]).sort()).toEqual(hkd.map((m) => m.reference).sort());
    for (const r of rows) {
      expect(r[col("time_zone")]).toBe("Asia/Hong_Kong");
      expect(r[col("created_at")]).toMatch(/\+08:00$/);
      expect(BigInt(r[col("amount_minor")]!)).toBe(
        BigInt(made.find((m) => m.reference === r[col("reference")])!.amount),
      );
    }
    // Control totals per status: captured, refunded and net (only captured payments hold money), never a gross of every status.
    const money = (minor: number) => [String(minor), (minor / 100).toFixed(2)];
    const totalOf = (status: string, of: Made[]) => {
      const captured = of.filter((m) => m.status === "captured").reduce((acc, m) => acc + m.amount, 0);
      return ["total", status, "HKD", String(of.length), ...money(captured), ...money(0), ...money(captured)];
    };
    expect(parseCsv(trailer)).toEqual([
      [
        "control_total",
        "status",
        "currency",
        "row_count",
        "captured_minor",
        "captured_major",
        "refunded_minor",
        "refunded_major",
        "net_minor",
        "net_major",
      ],
      ...(["pending", "captured", "declined"] as const).map((status) =>
        totalOf(
          status,
          hkd.filter((m) => m.status === status),
        ),
      ),
      totalOf("ALL", hkd),
      ["total", "ALL", "ALL", String(hkd.length)],
    ]);

    // Audited: who exported which filters, then the row count once the file was complete.
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const audit = await admin.newPage();
    await audit.goto("/audit?action=payments.export_completed&actor=finance@demo.test");
    const entry = audit.getByRole("row").filter({ hasText: prefix }).first();
    await expect(entry).toContainText(`"rowCount":${hkd.length}`);
    await expect(entry).toContainText('"currency":"HKD"');
    await admin.close();
  });
});

test.describe("[PAYMENTS] access", () => {
  test.describe("ops", () => {
    test.use({ storageState: storageStateOf("ops") });
    test("reads and exports, may import, may not request payments", async ({ page }) => {
      await page.goto(`/payments?q=${prefix}`);
      await expect(bodyRows(page)).toHaveCount(50);
      await expect(page.getByRole("link", { name: "Request payment" })).toHaveCount(0);
      await expect(page.getByRole("link", { name: "Import by id" })).toBeVisible();
      await expect(page.getByRole("link", { name: "Export CSV" })).toBeVisible();
    });
  });

  test.describe("merchant", () => {
    test.use({ storageState: storageStateOf("merchant") });
    test("gets 403 from the page and from the export", async ({ page }) => {
      expect((await page.goto("/payments"))?.status()).toBe(403);
      await expect(page.getByRole("heading", { name: "403: not allowed" })).toBeVisible();
      const exported = await page.request.get(`/api/payments/export?q=${prefix}`);
      expect(exported.status()).toBe(403);
      expect(await exported.text()).not.toContain(prefix);
    });
  });

  test("anonymous export is 401", async ({ request }) => {
    expect((await request.get("/api/payments/export")).status()).toBe(401);
  });
});
