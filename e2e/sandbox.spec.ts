import { expect, test } from "@playwright/test";
import { capturedOctopusPayment } from "./support/octopus-payment";
import { issuePartialRefund } from "./support/partial-refund";
import { storageStateOf } from "./support/roles";
import { sandboxControlHeaders } from "./support/sandbox-control";

test.use({ storageState: storageStateOf("admin") });

test.describe("[SANDBOX] clock and control surface", () => {
  test("an admin advances the sandbox clock from the Sandbox page", async ({ page, request }) => {
    const before = (await (await request.get("/api/sandbox-control/clock")).json()) as { now: string };
    await page.goto("/sandbox");
    await page.getByRole("button", { name: "Advance +1 day" }).click();
    await expect(page.getByRole("status")).toContainText("Sandbox clock is now");
    const after = (await (await request.get("/api/sandbox-control/clock")).json()) as { now: string };
    expect(new Date(after.now).getTime() - new Date(before.now).getTime()).toBeGreaterThanOrEqual(86_400_000);

    await page.getByLabel("Days").fill("-3");
    await page.getByRole("button", { name: "Advance clock" }).click();
    await expect(page.getByText(/^Days cannot be negative/)).toBeVisible();
  });

  test("provider surfaces answer in the provider's own way, and unknown ones are 404", async ({ request }) => {
    expect((await request.get("/api/sandbox/not-a-provider/anything")).status()).toBe(404);
    expect((await request.get("/api/sandbox-control/not-an-endpoint")).status()).toBe(404);
  });

  test("control needs an admin session or the control token; anyone else is refused before anything moves", async ({
    playwright,
    baseURL,
  }) => {
    const anonymous = await playwright.request.newContext({ baseURL, storageState: { cookies: [], origins: [] } });
    const finance = await playwright.request.newContext({ baseURL, storageState: storageStateOf("finance") });
    try {
      const before = (await (
        await anonymous.get("/api/sandbox-control/clock", { headers: sandboxControlHeaders })
      ).json()) as { offsetMs: number };
      for (const [who, context, headers, status] of [
        ["no session, no token", anonymous, {}, 401],
        ["a wrong token", anonymous, { authorization: "Bearer wrong-token-wrong-token-wrong-token" }, 401],
        ["finance (not admin)", finance, {}, 403],
      ] as const) {
        expect((await context.get("/api/sandbox-control/webhooks", { headers })).status(), who).toBe(status);
        expect(
          (await context.post("/api/sandbox-control/clock/advance", { headers, data: { days: 30 } })).status(),
          who,
        ).toBe(status);
        expect(
          (
            await context.post("/api/sandbox-control/faults", {
              headers,
              data: { provider: "checkout", kind: "http_500" },
            })
          ).status(),
          who,
        ).toBe(status);
      }
      const after = (await (
        await anonymous.get("/api/sandbox-control/clock", { headers: sandboxControlHeaders })
      ).json()) as { offsetMs: number };
      expect(after.offsetMs).toBe(before.offsetMs);
    } finally {
      await anonymous.dispose();
      await finance.dispose();
    }
  });

  test("an approved Octopus refund counts its 90 collection days from the approval, on the sandbox clock", async ({
    page,
    request,
  }) => {
    const reference = `E2E-COLLECT-${Date.now().toString(36).toUpperCase()}`;
    await capturedOctopusPayment(page, reference);
    await issuePartialRefund(page, "20.00");
    const refund = page.getByTestId("refund").first();
    await expect(refund.getByRole("status", { name: "Refund status" })).toHaveText("Approved", { timeout: 30_000 });
    await expect(refund.getByTestId("collection-countdown")).toHaveText("expires in 90 days unless collected");

    expect(
      (
        await request.post("/api/sandbox-control/clock/advance", { headers: sandboxControlHeaders, data: { days: 60 } })
      ).ok(),
    ).toBe(true);
    await page.reload();
    await expect(page.getByTestId("refund").first().getByTestId("collection-countdown")).toHaveText(
      "expires in 30 days unless collected",
    );
    await page.goto("/refunds");
    await expect(
      page.getByTestId("refund-row").filter({ hasText: reference }).getByTestId("collection-countdown"),
    ).toHaveText("expires in 30 days unless collected");
  });
});

test.describe("[ALERTS] a refund that expires after 91 days on the sandbox clock", () => {
  test("reaches ops in the notification centre, by email to the mail sink and by signed webhook to the sink, each once", async ({
    page,
    browser,
    request,
  }) => {
    test.setTimeout(180_000);
    const reference = `E2E-EXPIRE-${Date.now().toString(36).toUpperCase()}`;
    await capturedOctopusPayment(page, reference);
    // Ends in 51: the sandbox approves it, then lets it expire uncollected after 90 days.
    await issuePartialRefund(page, "17.51");
    const refund = page.getByTestId("refund").first();
    await expect(refund.getByRole("status", { name: "Refund status" })).toHaveText("Approved", { timeout: 30_000 });

    const advanced = await request.post("/api/sandbox-control/clock/advance", {
      headers: sandboxControlHeaders,
      data: { days: 91 },
    });
    expect(advanced.ok()).toBe(true);
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("refund").first().getByRole("status", { name: "Refund status" })).toHaveText(
        "Expired",
        { timeout: 2_000 },
      );
    }).toPass({ timeout: 60_000 });

    const ops = await (await browser.newContext({ storageState: storageStateOf("ops") })).newPage();
    await expect(async () => {
      await ops.goto("/notifications");
      await expect(ops.getByTestId("notification").filter({ hasText: "HK$17.51 expired" })).toHaveCount(1, {
        timeout: 2_000,
      });
    }).toPass({ timeout: 60_000 });

    await expect(async () => {
      await page.goto("/sandbox");
      const emails = page.getByTestId("sink-email").filter({ hasText: "HK$17.51 expired" });
      await expect(emails.filter({ hasText: "ops@demo.test" })).toHaveCount(1, { timeout: 2_000 });
      await expect(emails.filter({ hasText: "admin@demo.test" })).toHaveCount(1, { timeout: 2_000 });
      await expect(emails.filter({ hasText: "merchant@demo.test" })).toHaveCount(0);
      const webhooks = page.getByTestId("sink-webhook").filter({ hasText: "HK$17.51 expired" });
      await expect(webhooks).toHaveCount(1, { timeout: 2_000 });
      await expect(webhooks.getByTestId("sink-webhook-signature")).toHaveText("Valid");
    }).toPass({ timeout: 60_000 });
    await expect(page.getByTestId("sink-webhook").filter({ hasText: "HK$17.51 expired" })).toContainText(
      /A refund of HK\$17\.51 expired at .+: the customer did not collect it\./,
    );
    await ops.context().close();
  });
});
