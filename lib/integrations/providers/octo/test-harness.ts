import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { startSandboxServer, type RunningSandboxServer } from "@/lib/integrations/sandbox/testing";
import { sandboxCredentials } from "@/lib/integrations/sandbox/credentials";
import { createTestDatabase, type TestDatabase } from "@/lib/tooling/testing/test-database";
import type { OctoConfig } from "@/lib/integrations/providers/config";
import { createOctoClient, type OctoClient, type OctoClientOptions } from "./client";

/** Migrating a fresh PGlite database takes most of a file's time, and far longer on a busy machine. */
export const harnessStartTimeoutMs = 180_000;

/** Test-only: a fresh database, the sandbox on a real HTTP server, and an OCTO client pointed at it. */
export interface OctoHarness {
  database: TestDatabase;
  server: RunningSandboxServer;
  config: OctoConfig;
  client: OctoClient;
  clientWith(options: OctoClientOptions): OctoClient;
  /** POSTs a raw JSON body to an OCTO method and returns the parsed answer. */
  rawPost(method: string, body: unknown): Promise<{ status: number; json: unknown }>;
  control(method: "GET" | "POST", path: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startOctoHarness(): Promise<OctoHarness> {
  const database = await createTestDatabase();
  const server = await startSandboxServer({ db: database.db });
  const config: OctoConfig = { baseUrl: `${server.url}/api/sandbox/octo`, ...sandboxCredentials.octo };
  return {
    database,
    server,
    config,
    client: createOctoClient(config),
    clientWith: (options) => createOctoClient(config, options),
    async rawPost(method, body) {
      const response = await fetch(`${config.baseUrl}/${method}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      return { status: response.status, json: (await response.json()) as unknown };
    },
    async control(method, path, body) {
      const response = await fetch(`${server.url}/api/sandbox-control/${path}`, {
        method,
        headers:
          body === undefined ? server.controlHeaders : { ...server.controlHeaders, "content-type": "application/json" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      if (!response.ok) throw new Error(`control ${path}: HTTP ${response.status} ${await response.text()}`);
      return response.json() as Promise<unknown>;
    },
    async close() {
      await server.close();
      await database.dispose();
    },
  };
}

export interface ReceivedCallback {
  headers: IncomingMessage["headers"];
  bodyText: string;
  body: Record<string, unknown>;
}

/** A local notify_url: records every callback and answers with the next queued status (200 when none). */
export async function startCallbackReceiver(): Promise<{
  url: string;
  received: ReceivedCallback[];
  replyWith: number[];
  close(): Promise<void>;
}> {
  const received: ReceivedCallback[] = [];
  const replyWith: number[] = [];
  const server = createServer((incoming, outgoing) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      const bodyText = Buffer.concat(chunks).toString("utf8");
      received.push({ headers: incoming.headers, bodyText, body: JSON.parse(bodyText) as Record<string, unknown> });
      outgoing.statusCode = replyWith.shift() ?? 200;
      outgoing.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/octo/notify`,
    received,
    replyWith,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
