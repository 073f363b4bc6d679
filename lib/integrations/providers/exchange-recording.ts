import { AsyncLocalStorage } from "node:async_hooks";
import { logProviderCall } from "@/lib/platform/log/provider-call";
import type { ProviderExchange } from "./provider-exchange";

// Collects the exchanges of one logical step (send a refund, request a payment) without threading
// a recorder through every client method: the step runs inside a scope, the clients append to it.
const scope = new AsyncLocalStorage<ProviderExchange[]>();

/** Runs `work` and appends every provider call it makes to `into`, whether it succeeds or throws. */
export function recordingProviderExchanges<T>(into: ProviderExchange[], work: () => Promise<T>): Promise<T> {
  return scope.run(into, work);
}

/** Called by the provider clients after every call: logged always, recorded only inside a recording scope. */
export function noteProviderExchange(exchange: ProviderExchange): void {
  const { provider, operation, method, path, status, failure, durationMs = 0 } = exchange;
  logProviderCall({ provider, operation, method, path, status, failed: failure !== null, durationMs });
  scope.getStore()?.push(exchange);
}
