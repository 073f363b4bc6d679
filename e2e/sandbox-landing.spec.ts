import { expect, test } from "@playwright/test";
import { sandboxControlHeaders } from "./support/sandbox-control";

const secretKey = "sk_sbox_ilsiupcx3to6hcfg3qhjgamtvdm";
const processingChannelId = "pc_romtaijp4aifqvosemoob3xcio";

test.describe("[SANDBOX] Octopus landing page", () => {
  for (const decision of [
    { button: "Approve in Octopus app", status: "Captured", lands: "success" },
    { button: "Decline (Octopus refuses)", status: "Declined", lands: "failure" },
  ]) {
    test(`a tester drives a whole payment from the landing page: ${decision.status}`, async ({
      page,
      request,
      baseURL,
    }) => {
      const api = `${baseURL}/api/sandbox/checkout`;
      const headers = { Authorization: `Bearer ${secretKey}` };
      const created = await request.post(`${api}/payments`, {
        headers,
        data: {
          amount: 12300,
          currency: "HKD",
          source: { type: "octopus" },
          reference: `E2E-${Date.now()}`,
          processing_channel_id: processingChannelId,
          success_url: `${baseURL}/api/health?landed=success`,
          failure_url: `${baseURL}/api/health?landed=failure`,
        },
      });
      expect(created.status()).toBe(202);
      const payment = (await created.json()) as { id: string; status: string; processing: { landing_url: string } };
      expect(payment.status).toBe("Pending");

      await page.goto(payment.processing.landing_url);
      await expect(page.getByRole("heading", { name: /Octopus payment/ })).toBeVisible();
      await expect(page.getByLabel("Octopus QR code").locator("svg")).toBeVisible();
      await expect(page.getByText("HKD 123.00")).toBeVisible();
      await page.getByRole("button", { name: decision.button }).click();
      await expect(page).toHaveURL(new RegExp(`landed=${decision.lands}`));

      const details = await request.get(`${api}/payments/${payment.id}`, { headers });
      expect(((await details.json()) as { status: string }).status).toBe(decision.status);

      // The sandbox's signed webhooks reach the dashboard's receiver and are accepted.
      type Delivery = { body: string; eventType: string; lastStatus: number | null; deliveredAt: string | null };
      await expect
        .poll(async () => {
          await request.post("/api/sandbox-control/tick", { headers: sandboxControlHeaders });
          const deliveries = (await (
            await request.get("/api/sandbox-control/webhooks?provider=checkout", { headers: sandboxControlHeaders })
          ).json()) as Delivery[];
          return deliveries
            .filter((d) => d.body.includes(payment.id) && d.deliveredAt && d.lastStatus === 200)
            .map((d) => d.eventType)
            .sort();
        })
        .toEqual(
          decision.status === "Captured"
            ? ["payment_capture_pending", "payment_captured", "payment_pending"]
            : ["payment_declined", "payment_pending"],
        );
    });
  }
});
