/**
 * The sandbox's public entry for the app that mounts it in-process (app/api/sandbox/**,
 * app/api/sandbox-control/**, the Sandbox page and action, lib/startup.ts) and for
 * `npm run sandbox` (lib/tooling/cli/sandbox-server.ts). Besides it, only testing.ts (harnesses) and
 * credentials.ts (the published test keys, for tests) are public; the boundary is checked by `npm run lint:boundaries` (.dependency-cruiser.cjs).
 */
import type { Database } from "@/lib/platform/db/types";
import { sandboxTick } from "./core/tick";
import { listWebhookDeliveries } from "./core/webhooks";
import { sandboxProviders } from "./registry";

export { handleSandboxControlRoute, handleSandboxRoute } from "./next-transport";
export { controlTokenAccess, controlTokenRefusedBody } from "./control-access";
export { jsonResponse as sandboxJsonResponse } from "./core/http";
export { advanceClock, clockOffsetMs, sandboxNow } from "./core/clock";
export { listWebhookDeliveries };
export { startSandboxTicker } from "./core/tick";
export { migrateSandbox } from "./db/migrate";
export { startSandboxServer, type RunningSandboxServer } from "./node-server";
export { startMailSink } from "./sinks/mail-sink";
export { receiveSinkWebhook } from "./sinks/webhook-sink";
export { listReceived } from "./sinks/sink-store";

/** One pass of the simulators' background work: due time-based outcomes, then due webhooks. */
export function tickSandbox(db: Database, options: { appUrl: string; send?: typeof fetch }) {
  return sandboxTick(db, sandboxProviders, options);
}
