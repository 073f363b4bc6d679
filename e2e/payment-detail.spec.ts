import { createHmac } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { storageStateOf } from "./support/roles";

const signingKey = "3f54d56fc0e53bf8438655147bcf9f1a";
const sign = (body: string) => createHmac("sha256", signingKey).update(body).digest("hex");

const unique = Date.now().toString(36);
const providerPaymentId = `pay_${`detail${unique}`.padEnd(26, "d").slice(0, 26)}`;
const reference = `E2E-DETAIL-${unique}`;

async function deliver(request: APIRequestContext, type: string): Promise<string> {
  const eventId = `evt_detail_${type}_${unique}`;
  const body = JSON.stringify({
    id: eventId,
    type,
    created_on: new Date().toISOString(),
    data: { id: providerPaymentId, amount: 12345, currency: "HKD", reference },
  });
  const response = await request.post("/api/webhooks/checkout", {
    headers: { "content-type": "application/json", "cko-signature": sign(body) },
    data: body,
  });
  expect(response.status()).toBe(200);
  expect(await response.json()).toEqual({ outcome: "applied" });
  return eventId;
}

test.describe.configure({ mode: "serial" });

test.describe("[PAYMENT DETAIL] timeline and live status", () => {
  test.use({ storageState: storageStateOf("ops") });
  let detailPath = "";

  test("a webhook-created payment goes live from Pending to Captured without a reload", async ({
    page,
    request,
    context,
  }) => {
    const pendingEventId = await deliver(request, "payment_pending");

    // The Webhooks page links each applied delivery to its payment.
    await page.goto("/webhooks");
    await page.getByRole("link", { name: `Open the payment of ${pendingEventId}` }).click();
    await expect(page).toHaveURL(/\/payments\/[0-9a-f-]{36}$/);
    detailPath = new URL(page.url()).pathname;

    await expect(page.getByRole("heading", { level: 1, name: `Payment ${reference}` })).toBeVisible();
    const liveStatus = page.getByRole("status", { name: "Payment status" });
    await expect(liveStatus).toHaveText("Pending");
    await expect(page.getByText("Made at the provider").first()).toBeVisible();
    await expect(page.getByRole("link", { name: "← Back to payments" })).toHaveAttribute("href", "/payments");

    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.getByRole("button", { name: "Copy the provider payment ID" }).click();
    await expect(page.getByText("Copied")).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(providerPaymentId);

    await page.evaluate(() => {
      (window as unknown as Record<string, unknown>).__sameDocument = true;
    });
    const capturedEventId = await deliver(request, "payment_captured");

    await expect(liveStatus).toHaveText("Captured");
    const captured = page.locator("dt", { hasText: /^Captured$/ }).locator("xpath=following-sibling::dd");
    await expect(captured).toHaveText("HK$123.45");
    const timeline = page.getByRole("table", { name: "Payment timeline, oldest first" });
    await expect(timeline.getByTestId("timeline-entry")).toHaveCount(4);
    await expect(timeline.getByTestId("timeline-entry").nth(3)).toContainText(
      "Checkout.com said the payment was captured.",
    );
    expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).__sameDocument)).toBe(true);

    for (const [type, eventId] of [
      ["payment_pending", pendingEventId],
      ["payment_captured", capturedEventId],
    ]) {
      const row = timeline
        .getByRole("row")
        .filter({ hasText: "Checkout.com sent a webhook" })
        .filter({ hasText: `Event ${type}` });
      await expect(row).toContainText("valid");
      await expect(row).toContainText("applied");
      await row.getByText("View").click();
      await expect(row.locator("pre")).toContainText(`"id": "${eventId}"`);
      await expect(row.locator("pre")).toContainText(reference);
    }

    // Final: the page stops polling.
    const polled: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/api/payments/")) polled.push(r.url());
    });
    await page.waitForTimeout(4500);
    expect(polled).toEqual([]);
  });

  test("the status route answers with the live summary", async ({ page }) => {
    const response = await page.request.get(`/api${detailPath}`);
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({
      status: "captured",
      providerStatus: "payment_captured",
      capturedMinor: "12345",
      currency: "HKD",
      isFinal: true,
    });
  });

  test("unknown and malformed ids are 404, on the page and the route", async ({ page }) => {
    for (const path of ["/payments/00000000-0000-4000-8000-000000000000", "/payments/not-a-payment-id"]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
      expect((await page.request.get(`/api${path}`)).status(), path).toBe(404);
    }
  });

  test("merchants get 403 and anonymous callers 401", async ({ browser, playwright, baseURL }) => {
    const merchant = await browser.newContext({ storageState: storageStateOf("merchant") });
    const page = await merchant.newPage();
    expect((await page.goto(detailPath))?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "403: not allowed" })).toBeVisible();
    expect((await page.request.get(`/api${detailPath}`)).status()).toBe(403);
    await merchant.close();

    // Explicitly without cookies: request contexts made inside a test inherit its storageState.
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    expect((await anonymous.get(`/api${detailPath}`)).status()).toBe(401);
    await anonymous.dispose();
  });
});
