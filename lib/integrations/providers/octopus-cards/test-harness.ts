import { majorToMinor } from "@/lib/platform/money/convert";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { startSandboxServer, type RunningSandboxServer } from "@/lib/integrations/sandbox/testing";
import { createTestDatabase, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { createOctopusCardsClient, type OctopusCardsClientOptions } from "./client";
import type { Money } from "./types";

/** Test-only: a fresh database + sandbox server + client whose clock follows the sandbox clock. */
export interface Harness {
  database: TestDatabase;
  server: RunningSandboxServer;
  baseUrl: string;
  /** "POST /api/sandbox/octopus-cards/auth/login"-style log of every request the clients sent. */
  requests: string[];
  client: ReturnType<typeof createOctopusCardsClient>;
  newClient(options?: OctopusCardsClientOptions): ReturnType<typeof createOctopusCardsClient>;
  /** Moves the sandbox clock (and, unless `sandboxOnly`, the clients' clock) forward, then ticks. */
  advance(
    by: { seconds?: number; minutes?: number; hours?: number; days?: number },
    sandboxOnly?: boolean,
  ): Promise<void>;
  /** Sets the clients' clock back to the sandbox clock (after a sandbox-only advance). */
  syncClock(): Promise<void>;
  tick(): Promise<void>;
  control(method: string, path: string, body?: unknown): Promise<Response>;
  raw(
    method: string,
    path: string,
    init?: { body?: unknown; token?: string; headers?: Record<string, string> },
  ): Promise<Response>;
  close(): Promise<void>;
}

export const usd = (major: string): Money => ({ minor: majorToMinor(major, "USD"), currency: "USD" });
export const hkd = (major: string): Money => ({ minor: majorToMinor(major, "HKD"), currency: "HKD" });

export function countOf(requests: string[], suffix: string): number {
  return requests.filter((r) => r.endsWith(suffix)).length;
}

export async function startHarness(options: { appUrl?: string } = {}): Promise<Harness> {
  const database = await createTestDatabase();
  const server = await startSandboxServer({ db: database.db, appUrl: options.appUrl });
  const baseUrl = `${server.url}/api/sandbox/octopus-cards`;
  const requests: string[] = [];
  let clientOffsetMs = 0;
  const recordingFetch: typeof fetch = (input, init) => {
    requests.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname}`);
    return fetch(input, init);
  };
  const creds = sandboxCredentials.octopusCards;
  const newClient = (clientOptions: OctopusCardsClientOptions = {}) =>
    createOctopusCardsClient(
      { baseUrl, apiKey: creds.apiKey, apiSecret: creds.apiSecret, webhookSecret: creds.webhookSecret },
      { fetch: recordingFetch, now: () => new Date(Date.now() + clientOffsetMs), timeoutMs: 10_000, ...clientOptions },
    );
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/api/sandbox-control${path}`, {
      method,
      headers:
        body === undefined ? server.controlHeaders : { ...server.controlHeaders, "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    database,
    server,
    baseUrl,
    requests,
    client: newClient(),
    newClient,
    async advance(by, sandboxOnly = false) {
      const response = await control("POST", "/clock/advance", by);
      if (!response.ok) throw new Error(`clock/advance failed: ${response.status} ${await response.text()}`);
      const { advancedMs } = (await response.json()) as { advancedMs: number };
      if (!sandboxOnly) clientOffsetMs += advancedMs;
    },
    async syncClock() {
      const { offsetMs } = (await (await control("GET", "/clock")).json()) as { offsetMs: number };
      clientOffsetMs = offsetMs;
    },
    async tick() {
      const response = await control("POST", "/tick");
      if (!response.ok) throw new Error(`tick failed: ${response.status}`);
    },
    control,
    raw: (method, path, init = {}) =>
      fetch(`${baseUrl}${path}`, {
        method,
        headers: {
          ...(init.body === undefined ? {} : { "content-type": "application/json" }),
          ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
          ...init.headers,
        },
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
      }),
    async close() {
      await server.close();
      await database.dispose();
    },
  };
}

/** Logs in over the wire and returns the raw token pair (for wire-level auth tests). */
export async function rawLogin(harness: Harness) {
  const creds = sandboxCredentials.octopusCards;
  const response = await harness.raw("POST", "/auth/login", {
    body: { username: creds.apiKey, password: creds.apiSecret },
  });
  const body = (await response.json()) as {
    data: { access_token: string; refresh_token: string; access_expires_at: string; refresh_expires_at: string };
  };
  return body.data;
}
