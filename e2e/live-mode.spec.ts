import { spawn, type ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import { createRequire } from "node:module";
import { expect, test } from "@playwright/test";
import { enrolTotp } from "./support/sign-in";

const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
const port = 3299;
const base = `http://localhost:${port}`;
let server: ChildProcess | undefined;

test.describe("[LIVE MODE] a live deployment", () => {
  test.describe.configure({ mode: "serial" });

  test.beforeAll(async () => {
    const stale = await fetch(`${base}/api/health`).catch(() => null);
    if (stale) throw new Error(`port ${port} is already in use (a server left from an earlier run?); stop it first`);
    const dataDir = ".data/e2e-live-pglite";
    rmSync(dataDir, { recursive: true, force: true });
    // Start next directly (not through npx) so that killing the child stops the server itself.
    server = spawn(process.execPath, [nextBin, "start", "-p", String(port)], {
      stdio: "ignore",
      env: {
        ...process.env,
        PROVIDER_MODE: "live",
        DATABASE_URL: "",
        PGLITE_DATA_DIR: dataDir,
        APP_URL: base,
        AUTH_SECRET: "live-mode-test-secret-0123456789abcdef",
        ADMIN_EMAIL: "first.admin@example.test",
        ADMIN_PASSWORD: "violet kettle harbour lantern",
        CHECKOUT_BASE_URL: "http://127.0.0.1:9/unused",
        CHECKOUT_SECRET_KEY: "sk_live_not_used",
        CHECKOUT_WEBHOOK_SECRET: "not-used",
        CHECKOUT_PROCESSING_CHANNEL_ID: "pc_notused",
        OCTO_BASE_URL: "http://127.0.0.1:9/unused",
        OCTO_SHOP_ID: "1",
        OCTO_SECRET: "not-used",
        OCTO_NOTIFY_KEY: "not-used",
        OCTOPUS_CARDS_BASE_URL: "http://127.0.0.1:9/unused",
        OCTOPUS_CARDS_API_KEY: "not-used",
        OCTOPUS_CARDS_API_SECRET: "not-used",
        OCTOPUS_CARDS_WEBHOOK_SECRET: "not-used",
      },
    });
    await expect
      .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? 0, {
        timeout: 60_000,
        intervals: [500],
      })
      .toBe(200);
  });

  test.afterAll(() => {
    server?.kill("SIGTERM");
  });

  test("has no sandbox: provider and control surfaces are 404", async () => {
    for (const path of [
      "/api/sandbox/checkout/payments",
      "/api/sandbox/octo/refund",
      "/api/sandbox/octopus-cards/auth/login",
      "/api/sandbox-control/clock",
    ]) {
      expect((await fetch(`${base}${path}`, { method: "POST" })).status, path).toBe(404);
    }
    const withToken = await fetch(`${base}/api/sandbox-control/clock`, {
      headers: { authorization: "Bearer e2e-sandbox-control-token-0123456789abcdef" },
    });
    expect(withToken.status).toBe(404);
  });

  test("sends no Strict-Transport-Security over http (APP_URL is http here; https APP_URLs get it)", async () => {
    const response = await fetch(`${base}/sign-in`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toBeTruthy();
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });

  test("has no demo users, and the first admin comes from the environment", async ({ page }) => {
    await page.goto(`${base}/sign-in`);
    await expect(page.getByText("Sandbox mode: demo users")).toHaveCount(0);
    await expect(page.getByText("3LCXDON4BKE3E4FJDFCYG2OMRCYTMQCE")).toHaveCount(0);
    await page.getByLabel("Email").fill("admin@demo.test");
    await page.getByLabel("Password").fill("sandbox-demo-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("form", { name: "Sign in" }).getByRole("alert")).toHaveText(
      "Email or password is incorrect.",
    );

    await page.getByLabel("Email").fill("first.admin@example.test");
    await page.getByLabel("Password").fill("violet kettle harbour lantern");
    await page.getByRole("button", { name: "Sign in" }).click();
    // An admin needs a second factor: the first sign-in sets up the authenticator app.
    await expect(page).toHaveURL(/\/sign-in\/enrol/);
    await enrolTotp(page);
    await expect(page.getByTestId("signed-in-role")).toHaveText("Admin");
    await expect(page.getByRole("link", { name: "Sandbox" })).toHaveCount(0);
  });
});
