import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/lib/platform/db/types";
import { handleSandboxControl } from "./control";
import { controlTokenAccess, controlTokenRefusedBody } from "./control-access";
import { dispatchSandbox } from "./core/dispatch";
import { jsonResponse } from "./core/http";
import { isSandboxProviderName } from "./core/provider-names";
import { sandboxProviders } from "./registry";

export interface RunningSandboxServer {
  /** e.g. http://127.0.0.1:41234 — provider base URLs are `${url}/api/sandbox/<provider>`. */
  url: string;
  /** `Authorization: Bearer <token>` for /api/sandbox-control/… (empty when control is off). */
  controlHeaders: Record<string, string>;
  close(): Promise<void>;
}

async function toRequest(incoming: IncomingMessage, origin: string): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (Array.isArray(value)) value.forEach((v) => headers.append(name, v));
    else if (value !== undefined) headers.set(name, value);
  }
  const body =
    chunks.length && incoming.method !== "GET" && incoming.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
  return new Request(new URL(incoming.url ?? "/", origin), { method: incoming.method, headers, body });
}

async function writeResponse(response: Response, outgoing: ServerResponse): Promise<void> {
  outgoing.statusCode = response.status;
  response.headers.forEach((value, name) => outgoing.setHeader(name, value));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}

/**
 * The same simulators on a plain Node HTTP server, for tests that start a sandbox on its own
 * (no Next.js). Paths match the app's: /api/sandbox/<provider>/… and /api/sandbox-control/….
 * Here a dropped connection is a real socket destroy.
 *
 * The control surface needs `Authorization: Bearer <controlToken>`, as in the app (there are no
 * sessions here): a fresh random token when none is given (tests read `controlHeaders`), or
 * `null` to switch control off.
 */
export async function startSandboxServer(options: {
  db: Database;
  appUrl?: string;
  port?: number;
  controlToken?: string | null;
}): Promise<RunningSandboxServer> {
  const controlToken =
    options.controlToken === undefined ? randomBytes(24).toString("base64url") : options.controlToken;
  let origin = "";
  const server: Server = createServer((incoming, outgoing) => {
    void (async () => {
      const request = await toRequest(incoming, origin);
      const path = new URL(request.url).pathname;
      const appUrl = options.appUrl ?? origin;
      const control = path.match(/^\/api\/sandbox-control(\/.*)$/);
      if (control?.[1]) {
        if (controlTokenAccess(request, controlToken) !== "token") {
          return writeResponse(jsonResponse(401, controlTokenRefusedBody, { "www-authenticate": "Bearer" }), outgoing);
        }
        return writeResponse(await handleSandboxControl(request, control[1], { db: options.db, appUrl }), outgoing);
      }
      const provider = path.match(/^\/api\/sandbox\/([^/]+)(\/.*)?$/);
      if (!provider?.[1] || !isSandboxProviderName(provider[1]))
        return writeResponse(jsonResponse(404, { error: "not found" }), outgoing);
      const outcome = await dispatchSandbox(sandboxProviders[provider[1]], request, {
        db: options.db,
        path: provider[2] ?? "/",
        baseUrl: `${origin}/api/sandbox/${provider[1]}`,
        appUrl,
      });
      if (outcome.kind === "drop") {
        incoming.socket.destroy();
        return;
      }
      await writeResponse(outcome.response, outgoing);
    })().catch((error: unknown) => {
      console.error("[sandbox server]", error);
      if (!outgoing.headersSent) outgoing.writeHead(500, { "content-type": "application/json" });
      outgoing.end(JSON.stringify({ error: "sandbox server error" }));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: origin,
    controlHeaders: controlToken ? { authorization: `Bearer ${controlToken}` } : {},
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
