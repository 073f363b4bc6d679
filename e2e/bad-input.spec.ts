import { createHmac } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolationsInBothThemes } from "./support/axe";
import { storageStateOf } from "./support/roles";
import { freshenSession } from "./support/step-up";

/** The sandbox's Checkout.com webhook key (lib/integrations/sandbox/credentials.ts), as in webhooks.spec.ts. */
const signingKey = "3f54d56fc0e53bf8438655147bcf9f1a";
const sign = (body: string) => createHmac("sha256", signingKey).update(body).digest("hex");

const invalidPageLink = "This page link is not valid; start again from the first page.";
const wire = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");
const id = "00000000-0000-4000-8000-000000000000";
/** Cursors an attacker edits: our shape with an impossible instant or amount, extra keys, or plain junk. */
const craftedCursors = {
  "month 13": wire({ v: 1, s: "newest", t: "2026-13-45T25:61:61.000000Z", i: id }),
  "huge amount": wire({ v: 1, s: "amount_desc", a: "99999999999999999999", i: id }),
  "extra key": wire({ v: 1, s: "newest", t: "2026-01-01T00:00:00.000000Z", i: id, x: "'; drop table payments; --" }),
  junk: "%00%27",
};

test.use({ storageState: storageStateOf("admin") });

/**
 * Pages answer 200 inside the app shell: an App Router page cannot choose a 400 (only 404, 403
 * and 401 through notFound/forbidden/unauthorized), and refusing in the proxy would lose the
 * shell and the way back. Route handlers answer 422 with the parameter named.
 */
async function expectShellWith(page: Page, path: string, text: string | RegExp) {
  const response = await page.goto(path);
  expect(response?.status(), path).toBe(200);
  await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
  await expect(page.getByRole("main")).toContainText(text);
}

test.describe("[BAD INPUT] crafted input never gives a 500", () => {
  for (const list of ["/payments", "/orders", "/refunds", "/audit", "/webhooks"]) {
    test(`${list}: a crafted page cursor shows one sentence and the way back to the first page`, async ({ page }) => {
      for (const [name, cursor] of Object.entries(craftedCursors)) {
        const sort = name === "huge amount" && list === "/payments" ? "&sort=amount_desc&currency=HKD" : "";
        await expectShellWith(page, `${list}?cursor=${cursor}${sort}`, invalidPageLink);
        const back = page.getByRole("link", { name: "Go to the first page" });
        expect(await back.getAttribute("href"), name).not.toContain("cursor=");
      }
      if (list === "/orders") await expectNoAxeViolationsInBothThemes(page, "orders with a refused cursor");
      await page.getByRole("link", { name: "Go to the first page" }).click();
      await expect(page.getByRole("main")).not.toContainText(invalidPageLink);
    });
  }

  test("/wallet: a crafted movements cursor shows the same sentence", async ({ page }) => {
    await expectShellWith(page, "/wallet?cursor=99999999999999999999", invalidPageLink);
  });

  test("a NUL in a filter of each list is ignored and named with its rule", async ({ page }) => {
    const controlRule = "must not contain control characters (such as NUL)";
    await expectShellWith(page, "/payments?q=ab%00cd", `q ${controlRule}`);
    await expectShellWith(page, "/orders?q=ab%00cd", `q ${controlRule}`);
    await expectShellWith(page, "/audit?actor=%00", `actor ${controlRule}`);
    await expectShellWith(page, "/audit?action=refund%00&target=%1B%5B2J", `target ${controlRule}`);
    await expectShellWith(page, "/refunds?status=%00", /status must be one of/);
    await expectShellWith(page, "/webhooks?provider=%00", /provider must be one of/);
    await expectShellWith(page, "/payments?status=captured,%00", /status must each be one of/);
    await expect(page.getByRole("main")).not.toContainText("status.0");
  });

  test("route handlers answer 422 naming the parameter, or 404 for a malformed id", async ({ request }) => {
    for (const [path, field] of [
      ["/api/audit?actor=%00", "actor"],
      ["/api/audit?cursor=99999999999999999999", "cursor"],
      ["/api/payments/export?q=ab%00", "q"],
      ["/api/orders/export?q=ab%00", "q"],
    ] as const) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(422);
      const body = (await response.json()) as { error: { fieldErrors: Record<string, string[]> } };
      expect(Object.keys(body.error.fieldErrors), path).toEqual([field]);
    }
    for (const path of [
      "/api/payments/not-a-uuid",
      "/api/payments/%00",
      "/api/orders/%00",
      "/api/payments/x/refunds",
    ]) {
      expect([400, 404], path).toContain((await request.get(path)).status());
    }
  });

  test("a signed Checkout.com event in an unknown currency (ZZZ) makes a payment whose pages render with a review notice", async ({
    page,
    request,
    baseURL,
  }) => {
    const stamp = Date.now().toString(36);
    const reference = `E2E-ZZZ-${stamp}`;
    const body = JSON.stringify({
      id: `evt_e2e_zzz_${stamp}`,
      type: "payment_captured",
      created_on: new Date().toISOString(),
      data: { id: `pay_${`zzz${stamp}`.padEnd(26, "q").slice(0, 26)}`, amount: 12345, currency: "ZZZ", reference },
    });
    const delivered = await request.post("/api/webhooks/checkout", {
      headers: { "content-type": "application/json", "cko-signature": sign(body) },
      data: body,
    });
    expect(delivered.status()).toBe(200);

    await expectShellWith(page, `/payments?q=${reference}`, "12345 ZZZ (minor units)");
    await expectNoAxeViolationsInBothThemes(page, "payments list with a currency marker");
    const row = page.getByRole("row").filter({ hasText: reference });
    await expect(row.getByTestId("currency-review")).toHaveText("Needs review");
    await row.getByRole("link", { name: reference }).click();
    await expect(page.getByTestId("currency-review")).toContainText(
      "Needs review: currency ZZZ is not one we know; amounts are shown in the provider's minor units.",
    );
    await expect(page.getByTestId("currency-review")).toContainText("cannot be refunded here");
    await expect(page.getByRole("button", { name: /refund/i })).toHaveCount(0);
    await expectNoAxeViolationsInBothThemes(page, "payment in an unknown currency");

    await expectShellWith(page, "/payments/import", "12345 ZZZ (minor units)");
    // The overview adds it up like the list does, its chart's axis in the provider's minor units.
    await expectShellWith(page, "/overview", "12345 ZZZ (minor units)");
    await expect(
      page.getByRole("figure", { name: "ZZZ: captured and refunded per day (ZZZ minor units on the axis)" }),
    ).toBeVisible();
    // An export needs a fresh second factor; the session signed in at setup may be older than that window.
    await freshenSession(request, baseURL!, "admin");
    const exported = await request.get(`/api/payments/export?q=${reference}`);
    expect(exported.status()).toBe(200);
    expect(await exported.text()).toContain("total,captured,ZZZ,1,12345,,0,,12345,\r\n");
  });
});
