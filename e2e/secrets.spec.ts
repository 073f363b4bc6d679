import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { pageAccess } from "./support/page-access";
import { roleNames, storageStateOf } from "./support/roles";
import { sandboxControlHeaders } from "./support/sandbox-control";
import { answerStepUpIfAsked } from "./support/step-up";
import { expectWalletsReconciled } from "./support/wallet-reconciled";

test.describe.configure({ mode: "serial" });

/** What the merchant revealed: the values no other surface may carry. */
const secrets = { cardNumbers: [] as string[], pins: [] as string[], activationCodes: [] as string[] };
const orderPaths: string[] = [];

async function placeFromQuote(page: Page): Promise<string> {
  await expect(page.getByRole("heading", { level: 1, name: "Review and confirm" })).toBeVisible();
  await page.getByRole("button", { name: "Confirm and pay" }).click();
  await expect(page).toHaveURL(/\/orders\/[0-9a-f-]{36}$/, { timeout: 20_000 });
  return new URL(page.url()).pathname;
}

/** The secret values found in a response's text (a PIN is four digits, so only as a whole value). */
function leaksIn(text: string): string[] {
  const found = [...secrets.cardNumbers, ...secrets.activationCodes].filter((s) => text.includes(s));
  const matchingIds = secrets.activationCodes
    .map((code) => code.split("$").at(-1) ?? code)
    .filter((id) => text.includes(id));
  const pins = secrets.pins.filter((pin) =>
    [`"${pin}"`, `>${pin}<`, `:${pin},`, `:${pin}}`].some((form) => text.includes(form)),
  );
  return [...found, ...matchingIds, ...pins.map((pin) => `PIN ${pin}`)];
}

async function textOf(
  request: APIRequestContext,
  url: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; text: string }> {
  const response = await request.get(url, { headers, maxRedirects: 0 });
  return { status: response.status(), text: await response.text() };
}

test.describe("[SECRETS] voucher codes, PINs and eSIM activation codes", () => {
  test("the merchant orders a voucher and an eSIM, delivered through the sandbox, and reveals their codes (audited)", async ({
    browser,
  }) => {
    const context = await browser.newContext({ storageState: storageStateOf("merchant") });
    const page = await context.newPage();

    await page.goto("/orders/new");
    await page.getByLabel("Name").fill("Steam");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByTestId("voucher-product-123");
    await row.getByLabel("Denomination (USD)").selectOption("20.00");
    await row.getByRole("button", { name: "Get quote" }).click();
    const voucherPath = await placeFromQuote(page);
    const voucherReference = (await page.getByTestId("client-reference").textContent()) ?? "";
    expect(
      (
        await context.request.post("/api/sandbox-control/clock/advance", {
          headers: sandboxControlHeaders,
          data: { minutes: 2 },
        })
      ).ok(),
    ).toBe(true);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });
    // The sandbox's signed order.delivered (which carries the codes) reached our receiver.
    await expect
      .poll(async () => {
        await context.request.post("/api/sandbox-control/tick", { headers: sandboxControlHeaders });
        const deliveries = (await (
          await context.request.get("/api/sandbox-control/webhooks?provider=octopus-cards", {
            headers: sandboxControlHeaders,
          })
        ).json()) as { eventType: string; body: string; lastStatus: number | null }[];
        return deliveries.some(
          (d) => d.eventType === "order.delivered" && d.body.includes(voucherReference) && d.lastStatus === 200,
        );
      })
      .toBe(true);
    await page.getByRole("button", { name: "Reveal codes" }).click();
    await answerStepUpIfAsked(page, "merchant", page.getByText("this reveal is in the audit log"));
    await expect(page.getByText("this reveal is in the audit log")).toBeVisible();
    for (const item of await page.getByTestId("voucher-code").all()) {
      const [cardNumber, pin] = await item.locator("code").allTextContents();
      if (cardNumber) secrets.cardNumbers.push(cardNumber);
      if (pin) secrets.pins.push(pin);
    }
    expect(secrets.cardNumbers.length).toBeGreaterThan(0);
    expect(secrets.pins.length).toBeGreaterThan(0);

    await page.goto("/orders/new?vertical=esim");
    await page.getByLabel("Country code").fill("HKG");
    await page.getByRole("button", { name: "Show plans" }).click();
    await page.locator('[data-testid^="esim-variant-"]').first().getByRole("button", { name: "Get quote" }).click();
    const esimPath = await placeFromQuote(page);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });
    await expect(page.getByRole("img", { name: "eSIM activation QR code" })).toHaveCount(0);
    await page.getByRole("button", { name: "Reveal activation code" }).click();
    await answerStepUpIfAsked(page, "merchant", page.getByTestId("esim-activation-revealed"));
    await expect(page.getByTestId("esim-activation-revealed")).toBeFocused();
    await expect(page.getByRole("img", { name: "eSIM activation QR code" })).toBeVisible();
    const activationCode = (await page.getByTestId("esim-activation-code").textContent()) ?? "";
    expect(activationCode).toMatch(/^LPA:1\$/);
    secrets.activationCodes.push(activationCode);
    orderPaths.push(voucherPath, esimPath);
    await context.close();

    // Both reveals are in the audit log, without the values.
    const admin = await browser.newContext({ storageState: storageStateOf("admin") });
    const audit = await (await admin.request.get("/api/audit")).text();
    expect(audit).toContain("order.voucher_code_revealed");
    expect(audit).toContain("order.esim_activation_revealed");
    expect(leaksIn(audit)).toEqual([]);
    await admin.close();
  });

  for (const role of roleNames) {
    test(`${role}: no page, RSC payload or JSON API carries a code, PIN or activation code`, async ({ browser }) => {
      expect(secrets.cardNumbers.length, "the ordering test ran first").toBeGreaterThan(0);
      const context = await browser.newContext({ storageState: storageStateOf(role) });
      const request = context.request;
      const pages = Object.entries(pageAccess)
        .filter(([, roles]) => roles.includes(role))
        .map(([path]) => path);
      if (pages.includes("/webhooks"))
        pages.push(
          "/webhooks?signature=any",
          "/webhooks?signature=any&provider=octopus-cards",
          "/webhooks?signature=refused",
        );
      if (pages.includes("/orders")) pages.push(...orderPaths);
      // The detail pages linked from the lists (the newest payments and orders).
      const linked = new Set<string>();
      for (const path of pages) {
        const { text } = await textOf(request, path);
        for (const match of text.matchAll(/href="(\/(?:payments|orders)\/[0-9a-f-]{36})"/g))
          if (linked.size < 12 && match[1]) linked.add(match[1]);
      }
      const apis = [
        "/api/sandbox-control/webhooks",
        "/api/sandbox-control/webhooks?provider=octopus-cards",
        "/api/orders/export",
        "/api/payments/export",
        "/api/me",
        ...orderPaths.map((path) => `/api${path}`),
        ...[...linked].map((path) => `/api${path}`),
      ];
      const leaks: string[] = [];
      let fetched = 0;
      for (const url of [...new Set([...pages, ...linked])]) {
        const variants: Record<string, string>[] = [{}, { RSC: "1" }];
        for (const headers of variants) {
          const { status, text } = await textOf(request, url, headers);
          if (status === 200) fetched += 1;
          for (const leak of leaksIn(text)) leaks.push(`${url}${"RSC" in headers ? " (RSC)" : ""}: ${leak}`);
        }
      }
      for (const url of apis) {
        // The sandbox listing also answers the control token (what tests and scripts hold), so it is read both ways.
        const variants = url.startsWith("/api/sandbox-control/") ? [{}, sandboxControlHeaders] : [{}];
        for (const headers of variants) {
          const { text } = await textOf(request, url, headers);
          for (const leak of leaksIn(text)) leaks.push(`${url}: ${leak}`);
        }
      }
      expect(fetched).toBeGreaterThan(1);
      expect(leaks).toEqual([]);
      await context.close();
    });
  }
});

// This spec places orders: whatever they did, every wallet still agrees with the provider.
test.afterAll(async ({ browser }) => {
  await expectWalletsReconciled(browser);
});
