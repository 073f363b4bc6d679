import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/roles";

const signingKey = "3f54d56fc0e53bf8438655147bcf9f1a";
const sign = (body: string) => createHmac("sha256", signingKey).update(body).digest("hex");

test.use({ storageState: storageStateOf("ops") });

test.describe("[WEBHOOKS] receiver and Webhooks page", () => {
  test("every delivery is listed with its signature verdict, outcome and raw body", async ({ page, request }) => {
    const eventId = `evt_e2e_${Date.now()}`;
    const body = JSON.stringify({
      id: eventId,
      type: "payment_captured",
      created_on: new Date().toISOString(),
      data: {
        id: `pay_${Date.now().toString(36).padEnd(26, "x").slice(0, 26)}`,
        amount: 5000,
        currency: "HKD",
        reference: "E2E-WEBHOOK",
      },
    });
    const post = (signature: string | null, data = body) =>
      request.post("/api/webhooks/checkout", {
        headers: { "content-type": "application/json", ...(signature ? { "cko-signature": signature } : {}) },
        data,
      });

    expect((await post(sign(body).replace(/^./, (c) => (c === "0" ? "1" : "0")))).status()).toBe(401);
    expect((await post(null)).status()).toBe(401);
    const applied = await post(sign(body));
    expect(applied.status()).toBe(200);
    expect(await applied.json()).toEqual({ outcome: "applied" });
    expect(await (await post(sign(body))).json()).toEqual({ outcome: "duplicate" });

    await page.goto("/webhooks?outcome=duplicate");
    const duplicateRow = page.getByRole("row").filter({ hasText: eventId });
    await expect(duplicateRow).toContainText("duplicate");
    await expect(duplicateRow).toContainText("valid");
    await duplicateRow.getByText("View").click();
    await expect(duplicateRow.locator("pre")).toContainText("E2E-WEBHOOK");

    await page.goto("/webhooks?signature=invalid");
    await expect(page.getByRole("row").filter({ hasText: "signature invalid" }).first()).toContainText("rejected");
    await page.goto("/webhooks?signature=missing&outcome=rejected");
    await expect(page.getByRole("row").filter({ hasText: "signature missing" }).first()).toBeVisible();
  });

  test("an oversized body is refused without being read into the ledger", async ({ request }) => {
    const response = await request.post("/api/webhooks/checkout", {
      headers: { "content-type": "application/json", "cko-signature": "0".repeat(64) },
      data: "x".repeat(300 * 1024),
    });
    expect(response.status()).toBe(413);
  });
});
