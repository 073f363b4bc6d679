import type { Database } from "@/lib/platform/db/types";
import { sandboxNow } from "./clock";
import { takeFault } from "./faults";
import { jsonResponse } from "./http";
import type { SandboxProviderName } from "./provider-names";
import type { SandboxProvider } from "./types";

/** What the transport must do: send this response, or drop the connection without one. */
export type SandboxOutcome = { kind: "response"; response: Response } | { kind: "drop" };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs one provider request through the fault queue and the provider's handler. Transports
 * (the Next.js route, the standalone test server) only translate Request/Response and "drop".
 */
export async function dispatchSandbox(
  provider: SandboxProvider,
  request: Request,
  options: { db: Database; path: string; baseUrl: string; appUrl: string },
): Promise<SandboxOutcome> {
  const url = new URL(request.url);
  const fault = await takeFault(options.db, provider.name as SandboxProviderName, request.method, options.path);
  if (fault?.kind === "reset") return { kind: "drop" };
  if (fault?.kind === "timeout") {
    await sleep(fault.delayMs ?? 30_000);
    return { kind: "drop" };
  }
  if (fault && fault.kind.startsWith("http_")) {
    const status = Number(fault.kind.slice(5));
    return { kind: "response", response: jsonResponse(status, { sandbox_fault: fault.kind }) };
  }
  if (fault?.kind === "delay") await sleep(fault.delayMs ?? 1000);

  const response = await provider.handle({
    method: request.method,
    path: options.path,
    query: url.searchParams,
    headers: request.headers,
    bodyText: request.method === "GET" || request.method === "HEAD" ? "" : await request.text(),
    now: await sandboxNow(options.db),
    db: options.db,
    baseUrl: options.baseUrl,
    appUrl: options.appUrl,
  });
  if (fault?.kind === "lost_response") {
    await response.body?.cancel();
    return { kind: "drop" };
  }
  return { kind: "response", response };
}
