import { runEvery } from "@/lib/background/every";
import type { Database } from "@/lib/db/types";
import { sandboxNow } from "./clock";
import { runDueEvents } from "./events";
import type { SandboxProviderName } from "./provider-names";
import type { SandboxProvider } from "./types";
import { deliverDueWebhooks } from "./webhooks";

/** One pass of the sandbox's background work: due time-based events, then due webhook deliveries. */
export async function sandboxTick(
  db: Database,
  providers: Record<SandboxProviderName, SandboxProvider>,
  options: { appUrl: string; send?: typeof fetch },
): Promise<{ events: number; deliveries: number }> {
  const now = await sandboxNow(db);
  const events = await runDueEvents(db, providers, { now, appUrl: options.appUrl });
  const deliveries = await deliverDueWebhooks(db, providers, now, options.send);
  return { events, deliveries };
}

/** Ticks every `intervalMs` in the background; ticks never overlap. Returns a stop function. */
export function startSandboxTicker(tick: () => Promise<unknown>, intervalMs = 1000): () => void {
  return runEvery("sandbox tick", tick, intervalMs);
}
