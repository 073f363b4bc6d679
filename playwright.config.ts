import { defineConfig, devices } from "@playwright/test";
import { baseURLOf, chromiumLaunch, productionServer } from "./playwright.shared.config";

const port = Number(process.env.E2E_PORT ?? 3200);
export const baseURL = baseURLOf(port);

/**
 * End-to-end tests run against the production build (`next build` first, then `next start`)
 * on a fresh embedded database, in Debian's Chromium (no browser download).
 */
export default defineConfig({
  testDir: "./e2e",
  // The browser benchmark has its own config (playwright.bench.config.ts) and seeded server.
  testIgnore: ["**/bench/**"],
  fullyParallel: false,
  workers: 2,
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: "list",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: chromiumLaunch,
  },
  projects: [
    { name: "setup", testMatch: /auth\.setup\.ts/ },
    {
      name: "chromium",
      dependencies: ["setup"],
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch },
      testIgnore: [/auth\.setup\.ts/, /sandbox\.spec\.ts/, "**/bench/**"],
    },
    // The sandbox clock is shared by the whole server: moving it a day would expire another
    // spec's 15-minute Octopus payment mid-flow, so the spec that does so runs after all others.
    {
      name: "sandbox clock",
      dependencies: ["chromium"],
      testMatch: /sandbox\.spec\.ts/,
      use: { ...devices["Desktop Chrome"], launchOptions: chromiumLaunch },
    },
  ],
  // No seeded history: each spec makes the payments it looks at.
  webServer: productionServer(port, { dataDir: ".data/e2e-pglite", seedPayments: 0 }),
});
