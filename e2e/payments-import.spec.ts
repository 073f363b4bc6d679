import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { storageStateOf } from "./support/roles";
import { sandboxControlHeaders } from "./support/sandbox-control";

const checkoutSecretKey = "sk_sbox_ilsiupcx3to6hcfg3qhjgamtvdm";
const processingChannelId = "pc_romtaijp4aifqvosemoob3xcio";
const octoShop = { octo_shop_id: 27061, octo_secret: "027f85c1-4705-46c4-a2fd-dc6edd779fbb" };

const uuidPattern = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

/** An approved one-stage OCTO payment made straight at the sandbox, without notify_url (so no callback reaches the ledger). */
async function octoPaymentAtSandbox(request: APIRequestContext) {
  const shopTransactionId = `e2e-import-${Date.now().toString(36)}`;
  const created = await request.post("/api/sandbox/octo/prepare_payment", {
    data: {
      ...octoShop,
      shop_transaction_id: shopTransactionId,
      auto_capture: true,
      test: true,
      init_time: "2026-01-15 10:00:00",
      total_sum: 150000.0,
      currency: "UZS",
      description: "e2e import",
    },
  });
  const body = (await created.json()) as { error: number; data: { octo_payment_UUID: string; status: string } };
  expect(body.error).toBe(0);
  const uuid = body.data.octo_payment_UUID;
  expect((await request.post(`/api/sandbox/octo/pay/${uuid}/approve`, { maxRedirects: 0 })).status()).toBe(303);
  return { shopTransactionId, uuid };
}

async function checkoutPaymentAtSandbox(request: APIRequestContext, baseURL: string) {
  const created = await request.post("/api/sandbox/checkout/payments", {
    headers: { Authorization: `Bearer ${checkoutSecretKey}` },
    data: {
      amount: 25000,
      currency: "HKD",
      source: { type: "octopus" },
      reference: `E2E-IMPORT-${Date.now()}`,
      processing_channel_id: processingChannelId,
      success_url: `${baseURL}/api/health?landed=success`,
      failure_url: `${baseURL}/api/health?landed=failure`,
    },
  });
  expect(created.status()).toBe(202);
  return ((await created.json()) as { id: string }).id;
}

/** Submits the import form and returns the action's result as the server sent it. */
async function importThroughPage(
  page: Page,
  input: { provider: "Checkout.com (Octopus)" | "OCTO"; id: string; currency?: string },
) {
  await page.goto("/payments/import");
  await page.getByLabel("Provider").selectOption({ label: input.provider });
  await page.getByLabel("Payment id").fill(input.id);
  if (input.currency) await page.getByLabel("Currency").selectOption(input.currency);
  // The page navigates away as soon as the action answers, so the answer is read on its way in.
  let answered: (text: string) => void = () => {};
  const answer = new Promise<string>((resolve) => (answered = resolve));
  await page.route("**/payments/import", async (route) => {
    if (route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.fallback();
    const response = await route.fetch();
    const body = await response.text();
    answered(body);
    await route.fulfill({ response, body });
  });
  await page.getByRole("button", { name: "Import payment" }).click();
  const text = await answer;
  await page.unroute("**/payments/import");
  const data = new RegExp(
    `"data":\\{"paymentId":"(${uuidPattern})","alreadyInLedger":(true|false)\\},"message":"([^"]*)"`,
  ).exec(text);
  expect(data, text.slice(0, 500)).not.toBeNull();
  return { paymentId: data![1]!, alreadyInLedger: data![2] === "true", message: data![3]! };
}

const recentRow = (page: Page, providerPaymentId: string) =>
  page
    .getByRole("table", { name: "The latest payments first seen at each provider, newest first" })
    .getByRole("row")
    .filter({ hasText: providerPaymentId });

test.describe("[PAYMENTS] import by id", () => {
  test.use({ storageState: storageStateOf("ops") });

  test("ops imports an OCTO payment by shop_transaction_id, then finds it already in the ledger", async ({
    page,
    request,
  }) => {
    const octo = await octoPaymentAtSandbox(request);
    const imported = await importThroughPage(page, { provider: "OCTO", id: octo.shopTransactionId, currency: "UZS" });
    expect(imported).toMatchObject({
      alreadyInLedger: false,
      message: `Imported OCTO payment ${octo.uuid} as captured (150000.00 UZS).`,
    });
    await expect(page).toHaveURL(new RegExp(`/payments/${imported.paymentId}$`));

    await page.goto("/payments/import");
    const row = recentRow(page, octo.uuid);
    await expect(row).toContainText("captured");
    await expect(row).toContainText("UZS 150,000.00");
    await row.getByRole("button", { name: "Sync" }).click();
    await expect(row.getByRole("status")).toHaveText("In step with OCTO (captured).");

    // By its UUID, once the ledger knows it: no currency needed, nothing imported twice.
    const again = await importThroughPage(page, { provider: "OCTO", id: octo.uuid });
    expect(again).toEqual({
      paymentId: imported.paymentId,
      alreadyInLedger: true,
      message: "Already in the ledger (captured); synced with OCTO: in step with the provider.",
    });
    await expect(page).toHaveURL(new RegExp(`/payments/${imported.paymentId}$`));
  });

  test("a Checkout.com payment its webhook already entered is synced, not imported twice", async ({
    page,
    request,
    baseURL,
  }) => {
    const payId = await checkoutPaymentAtSandbox(request, baseURL!);
    // The sandbox's payment_pending webhook reaches our receiver, which enters the payment as external.
    await expect
      .poll(async () => {
        await request.post("/api/sandbox-control/tick", { headers: sandboxControlHeaders });
        const deliveries = (await (
          await request.get("/api/sandbox-control/webhooks?provider=checkout", { headers: sandboxControlHeaders })
        ).json()) as Array<{ body: string; lastStatus: number | null }>;
        return deliveries.some((d) => d.body.includes(payId) && d.lastStatus === 200);
      })
      .toBe(true);

    const result = await importThroughPage(page, { provider: "Checkout.com (Octopus)", id: payId });
    expect(result.alreadyInLedger).toBe(true);
    expect(result.message).toBe(
      "Already in the ledger (pending); synced with Checkout.com: Provider status: ledger payment_pending, Checkout.com Pending (updated).",
    );
    await expect(page).toHaveURL(new RegExp(`/payments/${result.paymentId}$`));

    // Other specs' payments may be newer in the "recent" table; the payment's own page always has Sync.
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Payment");
    await expect(page.getByText("HK$250.00").first()).toBeVisible();
    const sync = page.getByRole("form", { name: /^Sync payment / });
    await sync.getByRole("button", { name: "Sync from provider" }).click();
    await expect(sync.getByRole("status")).toHaveText("In step with Checkout.com (pending).");
  });

  test("a bad or unknown id is a field error and nothing is imported", async ({ page }) => {
    await page.goto("/payments/import");
    await page.getByLabel("Payment id").fill("pay_nope");
    await page.getByRole("button", { name: "Import payment" }).click();
    await expect(
      page.getByText("Payment id must be a Checkout.com payment id: pay_ followed by 26 lowercase letters or digits", {
        exact: true,
      }),
    ).toBeVisible();
    await expect(page.getByRole("form", { name: "Import a payment" }).getByRole("status")).toContainText(
      "Check the form: Payment id must be a Checkout.com payment id",
    );
    await expect(page.getByLabel("Payment id")).toHaveAttribute("aria-invalid", "true");

    const unknown = `pay_${"q".repeat(26)}`;
    await page.getByLabel("Payment id").fill(unknown);
    await page.getByRole("button", { name: "Import payment" }).click();
    await expect(page.getByText(`Payment id was not found: Checkout.com has no payment ${unknown}`)).toBeVisible();

    await page.getByLabel("Provider").selectOption({ label: "OCTO" });
    await page.getByLabel("Payment id").fill("order-that-octo-never-saw");
    await page.getByRole("button", { name: "Import payment" }).click();
    await expect(page.getByText(/Currency is required for an OCTO payment not in the ledger yet/)).toBeVisible();
    await page.getByLabel("Currency").selectOption("USD");
    await page.getByRole("button", { name: "Import payment" }).click();
    await expect(
      page.getByText(
        'Payment id was not found: OCTO has no payment with shop_transaction_id "order-that-octo-never-saw"',
        { exact: false },
      ),
    ).toBeVisible();
    await expect(page).toHaveURL(/\/payments\/import$/);
  });
});

test.describe("[PAYMENTS] import by id, merchant", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("a merchant gets the 403 page", async ({ page }) => {
    const response = await page.goto("/payments/import");
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "403: not allowed" })).toBeVisible();
  });
});
