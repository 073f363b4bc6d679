import type { Database } from "@/lib/platform/db/types";
import { handleSandboxControl } from "./control";
import { dispatchSandbox, type SandboxOutcome } from "./core/dispatch";
import { jsonResponse } from "./core/http";
import { isSandboxProviderName } from "./core/provider-names";
import { sandboxProviders } from "./registry";

/**
 * Next.js cannot destroy a socket from a route handler, so a dropped connection is a response
 * whose body fails at once: the client gets no usable answer, as with a reset. The standalone
 * test server (node-server.ts) destroys the socket for real.
 */
function toResponse(outcome: SandboxOutcome): Response {
  if (outcome.kind === "response") return outcome.response;
  return new Response(
    new ReadableStream({
      start(controller) {
        controller.error(new Error("sandbox fault: connection dropped"));
      },
    }),
    { status: 200, headers: { "content-type": "application/json" } },
  );
}

const notFound = () => jsonResponse(404, { error: "not found" });

/** What the app that mounts the sandbox tells it: whether it runs (sandbox mode), its database, where webhooks go. */
export interface SandboxMount {
  enabled: boolean;
  db: () => Database;
  appUrl: string;
}

/** The provider surfaces: /api/sandbox/{checkout|octo|octopus-cards}/…; 404 in live mode. */
export async function handleSandboxRoute(
  request: Request,
  params: { provider: string; path?: string[] },
  mount: SandboxMount,
): Promise<Response> {
  if (!mount.enabled || !isSandboxProviderName(params.provider)) return notFound();
  const path = `/${(params.path ?? []).map(encodeURIComponent).join("/")}`;
  const baseUrl = `${new URL(request.url).origin}/api/sandbox/${params.provider}`;
  const outcome = await dispatchSandbox(sandboxProviders[params.provider], request, {
    db: mount.db(),
    path,
    baseUrl,
    appUrl: mount.appUrl,
  });
  return toResponse(outcome);
}

/** The control surface: /api/sandbox-control/…; 404 in live mode. */
export async function handleSandboxControlRoute(
  request: Request,
  params: { path: string[] },
  mount: SandboxMount,
): Promise<Response> {
  if (!mount.enabled) return notFound();
  return handleSandboxControl(request, `/${params.path.join("/")}`, { db: mount.db(), appUrl: mount.appUrl });
}
