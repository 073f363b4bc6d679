import type { PlaywrightTestConfig } from "@playwright/test";
import { e2eSandboxControlToken } from "./e2e/support/sandbox-control";

/** Debian's Chromium (no browser download), with the flags this offline machine needs. */
export const chromiumLaunch = {
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
  ],
};

export const baseURLOf = (port: number) => `http://localhost:${port}`;

/**
 * The production build (`next build` first) started on a brand-new embedded database in its own
 * folder, in sandbox mode, seeded with `seedPayments` payments made through the sandboxes.
 */
export function productionServer(
  port: number,
  { dataDir, seedPayments }: { dataDir: string; seedPayments: number },
): PlaywrightTestConfig["webServer"] {
  return {
    command: `node e2e/start-server.mjs`,
    url: `${baseURLOf(port)}/api/health`,
    timeout: 120_000,
    reuseExistingServer: false,
    env: {
      // As every npm script: Next.js sends nothing anywhere (see README, Configuration).
      NEXT_TELEMETRY_DISABLED: "1",
      E2E_PORT: String(port),
      PROVIDER_MODE: "sandbox",
      E2E_DATA_DIR: dataDir,
      E2E_SEED_PAYMENTS: String(seedPayments),
      SANDBOX_CONTROL_TOKEN: e2eSandboxControlToken,
      // Its own mail sink port, apart from a dev server's (2525) on the same machine.
      SANDBOX_SMTP_PORT: String(port + 2000),
    },
    stdout: "pipe",
    stderr: "pipe",
  };
}
