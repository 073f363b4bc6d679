import { expect, test } from "@playwright/test";
import { storageStateOf } from "./support/roles";

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
});
