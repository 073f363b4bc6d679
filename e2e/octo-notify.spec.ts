import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/roles";
import { sandboxControlHeaders } from "./support/sandbox-control";

const octoShop = { octo_shop_id: 27061, octo_secret: "027f85c1-4705-46c4-a2fd-dc6edd779fbb" };

test.use({ storageState: storageStateOf("ops") });

test.describe("[WEBHOOKS] OCTO notify receiver", () => {
  test("the sandbox's signed callback reaches the receiver, which applies OCTO's status", async ({
    page,
    request,
    baseURL,
  }) => {
    const shopTransactionId = `e2e-notify-${Date.now().toString(36)}`;
    const created = await request.post("/api/sandbox/octo/prepare_payment", {
      data: {
        ...octoShop,
        shop_transaction_id: shopTransactionId,
        auto_capture: true,
        test: true,
        init_time: "2026-01-15 10:00:00",
        total_sum: 20.0,
        currency: "USD",
        description: "e2e notify",
        notify_url: `${baseURL}/api/webhooks/octo`,
      },
    });
    const uuid = ((await created.json()) as { data: { octo_payment_UUID: string } }).data.octo_payment_UUID;
    await request.post(`/api/sandbox/octo/pay/${uuid}/approve`, { maxRedirects: 0 });
    await expect
      .poll(async () => {
        await request.post("/api/sandbox-control/tick", { headers: sandboxControlHeaders });
        const deliveries = (await (
          await request.get("/api/sandbox-control/webhooks?provider=octo", { headers: sandboxControlHeaders })
        ).json()) as Array<{ body: string; lastStatus: number | null }>;
        return deliveries.find((d) => d.body.includes(uuid))?.lastStatus ?? null;
      })
      .toBe(200);

    await page.goto("/webhooks?provider=octo&outcome=applied");
    await expect(page.getByRole("row").filter({ hasText: uuid })).toContainText(
      "OCTO says succeeded; payment created as external",
    );
    await page.goto("/payments/import");
    await expect(page.getByRole("row").filter({ hasText: uuid })).toContainText("captured");
  });

  test("an unsigned or oversized callback is refused", async ({ request }) => {
    const unsigned = await request.post("/api/webhooks/octo", {
      data: { shop_transaction_id: "x", octo_payment_UUID: "y", status: "succeeded" },
    });
    expect(unsigned.status()).toBe(401);
    expect(await unsigned.json()).toEqual({ outcome: "rejected", detail: "signature missing" });
    const oversized = await request.post("/api/webhooks/octo", {
      headers: { "content-type": "application/json" },
      data: "x".repeat(100 * 1024),
    });
    expect(oversized.status()).toBe(413);
  });
});
