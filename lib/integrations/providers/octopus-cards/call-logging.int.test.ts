import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { captureLogLines } from "@/lib/platform/log/logger";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { startHarness, type Harness } from "./test-harness";

/** Octopus Cards calls are logged as the payment providers' are: one line each, with no credential or token. */
describe("Octopus Cards call log lines", () => {
  let h: Harness;
  let capture: ReturnType<typeof captureLogLines>;
  beforeAll(async () => {
    h = await startHarness();
  }, 120_000);
  afterAll(async () => h?.close());
  beforeEach(() => {
    capture = captureLogLines();
  });
  afterEach(() => capture.stop());

  it("logs the login and the wallet read with method, path, status and duration; no key, secret or token", async () => {
    const client = h.newClient();
    await client.listWallets();

    const calls = capture.lines().filter((line) => line.event === "provider_call");
    expect(calls.map((line) => [line.provider, line.method, line.path, line.status, line.failed])).toEqual([
      ["octopus-cards", "POST", expect.stringMatching(/\/auth\/login$/), 200, false],
      ["octopus-cards", "GET", expect.stringMatching(/\/wallets$/), 200, false],
    ]);
    for (const line of calls) expect(line.durationMs).toEqual(expect.any(Number));
    const text = JSON.stringify(capture.lines());
    expect(text).not.toContain(sandboxCredentials.octopusCards.apiKey);
    expect(text).not.toContain(sandboxCredentials.octopusCards.apiSecret);
    expect(text).not.toMatch(/Bearer|access_token/i);
  });

  it("logs a refused call as failed with its status", async () => {
    const refused: unknown = await h
      .newClient()
      .getWallet(987_654)
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(Error);
    const failed = capture.lines().filter((line) => line.event === "provider_call" && line.failed === true);
    expect(failed).toEqual([expect.objectContaining({ provider: "octopus-cards", status: 404 })]);
  });
});
