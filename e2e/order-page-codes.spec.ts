import { readFileSync } from "node:fs";
import { expect, test, type Browser } from "@playwright/test";
import { parseCsv } from "../lib/platform/csv/csv";
import { expectNoAxeViolationsInBothThemes } from "./support/axe";
import { storageStateOf } from "./support/roles";
import { sandboxControlHeaders } from "./support/sandbox-control";
import { callServerAction } from "./support/server-actions";
import { answerStepUpIfAsked, downloadWithStepUp } from "./support/step-up";
import { expectSignedIn, signInAs } from "./support/sign-in";
import { expectWalletsReconciled } from "./support/wallet-reconciled";
import { confirmQuote } from "./support/order-quote";

test.describe.configure({ mode: "serial" });

const revealAction = { file: "lib/app/actions/orders/reveal-voucher-code.ts", name: "revealVoucherCodeAction" };
const refusal = "Only the person who placed this order or an admin can see its voucher codes.";

/** The voucher order the merchant places first; the other roles open it. */
let voucherPath = "";

test.describe("[ORDER PAGE] codes handled like money", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("the placer reveals one code, then all, copies the revealed codes and exports every code", async ({
    page,
    context,
    request,
    browser,
  }) => {
    // A long journey (delivery, two reveals, two axe scans, an export, the audit log): more than the default minute on a shared machine.
    test.setTimeout(180_000);
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/orders/new?vertical=voucher");
    await page.getByLabel("Name").fill("Steam");
    await page.getByRole("button", { name: "Search" }).click();
    const row = page.getByTestId("voucher-product-123");
    await row.getByLabel("Denomination (USD)").selectOption("20.00");
    await row.getByLabel("Quantity").fill("3");
    await row.getByRole("button", { name: "Get quote" }).click();
    voucherPath = await confirmQuote(page);
    expect(
      (
        await request.post("/api/sandbox-control/clock/advance", {
          headers: sandboxControlHeaders,
          data: { minutes: 2 },
        })
      ).ok(),
    ).toBe(true);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });

    // The money, in one sentence and three lines; a merchant (wallet:read) sees balances.
    const charged = (await page.getByTestId("order-charge").textContent()) ?? "";
    await expect(page.getByTestId("order-money")).toHaveText(`Charged ${charged}.`);
    await expect(page.getByTestId("order-given-back")).toHaveText("$0.00");
    await expect(page.getByTestId("order-net")).toHaveText(charged);
    await expect(page.getByRole("list", { name: "Wallet movements of this order" })).toContainText("balance after");

    const codes = page.getByRole("list", { name: "Voucher codes" });
    await expect(codes.getByLabel("Code hidden")).toHaveCount(3);
    await page.getByRole("button", { name: "Reveal code 2" }).click();
    await answerStepUpIfAsked(page, "merchant", page.getByText("Revealed code 2; this reveal is in the audit log."));
    await expect(page.getByText("Revealed code 2; this reveal is in the audit log.")).toBeVisible();
    await expect(codes.getByLabel("Code hidden")).toHaveCount(2);
    // Focus lands on the code just revealed, not on <body>.
    await expect(codes.getByRole("listitem", { name: "Code 2" })).toBeFocused();
    await expect(page.getByTestId("redemption-steps")).toContainText("Enter the card number");

    await page.getByRole("button", { name: "Reveal codes" }).click();
    await answerStepUpIfAsked(page, "merchant", page.getByText("Revealed 3 codes; this reveal is in the audit log."));
    await expect(codes.getByLabel("Code hidden")).toHaveCount(0);
    await expect(codes.getByRole("listitem", { name: "Code 1" })).toBeFocused();
    const cardNumbers: string[] = [];
    for (const item of await codes.getByRole("listitem").all())
      cardNumbers.push((await item.locator("code").first().textContent()) ?? "");
    expect(cardNumbers).toHaveLength(3);
    await expectNoAxeViolationsInBothThemes(page, "voucher order with revealed codes");

    await page.getByRole("button", { name: "Copy all 3 revealed codes" }).click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split("\n").map((line) => line.split("\t")[1])).toEqual(cardNumbers);

    const download = await downloadWithStepUp(page, "merchant", () =>
      page.getByRole("link", { name: "Export all codes (CSV)" }).click(),
    );
    expect(download.suggestedFilename()).toMatch(/^order-[0-9a-f-]{36}-codes\.csv$/);
    const csv = parseCsv(readFileSync((await download.path())!, "utf8"));
    expect(csv[0]).toEqual(["number", "card_number", "pin_code", "claim_url", "expires_at", "reference_number"]);
    expect(csv.slice(1).map((r) => [r[0], r[1]])).toEqual(cardNumbers.map((card, i) => [String(i + 1), card]));

    // Every reveal and the export are in the audit log, without a code.
    const audit = await browserPageAs(
      browser,
      "admin",
      "/audit?action=order.voucher_code_revealed&actor=merchant@demo.test",
    );
    await expect(audit.page.getByRole("row").filter({ hasText: '"codeNumbers":[2]' }).first()).toBeVisible();
    await expect(audit.page.getByRole("row").filter({ hasText: '"codeNumbers":[1,2,3]' }).first()).toBeVisible();
    await expect(audit.page.locator("body")).not.toContainText(cardNumbers[0]!);
    await audit.page.goto("/audit?action=order.voucher_codes_exported&actor=merchant@demo.test");
    await expect(audit.page.getByRole("row").filter({ hasText: '"codeCount":3' }).first()).toBeVisible();
    await expect(audit.page.locator("body")).not.toContainText(cardNumbers[0]!);
    await audit.context.close();

    await expectWalletsReconciled(browser);
  });

  test("a second merchant user sees the order but cannot reveal or export its codes, even by calling the server", async ({
    browser,
    baseURL,
  }) => {
    const admin = await browserPageAs(browser, "admin", "/users");
    const email = `merchant-two-${Date.now()}@example.test`;
    const password = "lanterns drift over quiet harbours";
    const form = admin.page.getByRole("form", { name: "Create user" });
    await form.getByLabel("Email").fill(email);
    await form.getByLabel("Name").fill("Second Merchant");
    await form.getByLabel("Role").selectOption("merchant");
    await form.getByLabel("Initial password").fill(password);
    await form.getByRole("button", { name: "Create user" }).click();
    await answerStepUpIfAsked(admin.page, "admin", form.getByText(`Created ${email}`));
    await expect(form.getByRole("status")).toContainText(`Created ${email}`);

    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const page = await context.newPage();
    await signInAs(page, email, password);
    await expectSignedIn(page, email);
    await page.goto(voucherPath);
    await expect(
      page.getByText("Only the person who placed this order or an admin can reveal or export its codes."),
    ).toBeVisible();
    await expect(page.getByRole("button", { name: /Reveal/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export all codes (CSV)" })).toHaveCount(0);

    const orderId = voucherPath.split("/").pop()!;
    const direct = await callServerAction(page.request, baseURL!, revealAction, { orderId });
    expect(direct.body).toContain('"code":"FORBIDDEN"');
    expect(direct.body).toContain(refusal);
    const exported = await page.request.get(`/api/orders/${orderId}/codes`);
    expect(exported.status()).toBe(403);
    expect(await exported.text()).toContain(refusal);
    await context.close();

    await admin.page.goto(`/audit?action=order.secret_reveal_refused&actor=${encodeURIComponent(email)}`);
    await expect(admin.page.getByRole("row").filter({ hasText: '"secret":"voucher codes"' })).toHaveCount(2);
    await admin.context.close();
    await expectWalletsReconciled(browser);
  });
});

test.describe("[ORDER PAGE] ops sees orders, never balances or codes", () => {
  test.use({ storageState: storageStateOf("ops") });

  test("no balance anywhere on the order page, no reveal, and the server refuses it", async ({ page, baseURL }) => {
    await page.goto(voucherPath);
    await expect(page.getByTestId("order-money")).toContainText("Charged");
    await expect(page.getByRole("list", { name: "Wallet movements of this order" })).toBeVisible();
    await expect(page.locator("main")).not.toContainText(/balance/i);
    await expect(page.getByRole("button", { name: /Reveal/ })).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Export all codes (CSV)" })).toHaveCount(0);
    const orderId = voucherPath.split("/").pop()!;
    expect((await callServerAction(page.request, baseURL!, revealAction, { orderId })).body).toContain(
      '"code":"FORBIDDEN"',
    );
    expect((await page.request.get(`/api/orders/${orderId}/codes`)).status()).toBe(403);
    await expectNoAxeViolationsInBothThemes(page, "voucher order seen by ops");
  });
});

test.describe("[ORDER PAGE] eSIM", () => {
  test.use({ storageState: storageStateOf("merchant") });

  test("the ICCID is still shown after the eSIM is installed, when the provider no longer returns it", async ({
    page,
    request,
    browser,
  }) => {
    await page.goto("/orders/new?vertical=esim");
    await page.getByLabel("Country code").fill("HKG");
    await page.getByRole("button", { name: "Show plans" }).click();
    await page.locator('[data-testid^="esim-variant-"]').first().getByRole("button", { name: "Get quote" }).click();
    await confirmQuote(page);
    await expect(page.getByRole("status", { name: "Order status" })).toHaveText("Delivered", { timeout: 30_000 });
    const iccid = page.getByTestId("esim-iccid");
    await expect(iccid).toHaveText(/^\d{18,22}$/);
    const seen = (await iccid.textContent()) ?? "";
    await expect(page.getByLabel("Activation code hidden")).toBeVisible();

    // The sandbox installs a delivered eSIM an hour (sandbox time) after delivery.
    expect(
      (
        await request.post("/api/sandbox-control/clock/advance", {
          headers: sandboxControlHeaders,
          data: { minutes: 61 },
        })
      ).ok(),
    ).toBe(true);
    await page.reload();
    await expect(page.getByTestId("esim-activation-status")).toHaveText("active");
    await expect(
      page.getByText("The eSIM is installed; the provider no longer returns its activation code."),
    ).toBeVisible();
    await expect(iccid).toHaveText(seen);
    await expectNoAxeViolationsInBothThemes(page, "installed eSIM order");
    await expectWalletsReconciled(browser);
  });
});

async function browserPageAs(browser: Browser, role: "admin", path: string) {
  const context = await browser.newContext({ storageState: storageStateOf(role) });
  const page = await context.newPage();
  await page.goto(path);
  return { context, page };
}
