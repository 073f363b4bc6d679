import type { Database } from "@/lib/platform/db/types";
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
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    tick()
      .catch((error: unknown) => console.error("[sandbox tick] failed", error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  // Never what keeps the process alive.
  timer.unref();
  return () => clearInterval(timer);
}
