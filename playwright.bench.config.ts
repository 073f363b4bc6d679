import { defineConfig, devices } from "@playwright/test";
import { baseURLOf, chromiumLaunch, productionServer } from "./playwright.shared.config";

const port = Number(process.env.BENCH_PORT ?? 3321);
/** Payments the sandboxes make at start-up, so the list is realistic (lib/tooling/dev-seed). */
export const benchSeedPayments = Number(process.env.BENCH_SEED_PAYMENTS ?? 300);

/**
 * The browser benchmark (`npm run bench:browser`, after `npm run build`): Core Web Vitals and
 * payload sizes of the payments pages. It prints figures and never fails on a slow number.
 */
export default defineConfig({
  testDir: "./e2e/bench",
  testMatch: /\.bench\.ts$/,
  workers: 1,
  retries: 0,
  reporter: "list",
  timeout: 20 * 60_000,
  use: { ...devices["Desktop Chrome"], baseURL: baseURLOf(port), launchOptions: chromiumLaunch },
  webServer: productionServer(port, { dataDir: ".data/bench-pglite", seedPayments: benchSeedPayments }),
});
