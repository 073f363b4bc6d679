import "server-only";
import { getDb } from "@/lib/platform/db/client";
import { isSandbox } from "@/lib/platform/env";
import { paymentProviderClients } from "@/lib/integrations/providers/clients";
import { providerClock } from "./provider-clock";
import type { RefundDeps } from "./send-refund";

/** The app's wiring of refunds: its database, provider clients, sandbox trigger amounts in sandbox mode, real time (and the sandbox clock as the providers' clock). */
export function appRefundDeps(): RefundDeps {
  const db = getDb();
  return {
    db,
    clients: paymentProviderClients(),
    sandboxTriggers: isSandbox,
    now: () => new Date(),
    providerNow: providerClock(db, isSandbox),
  };
}

/** "Now" on the providers' clock, for pages: the sandbox clock in sandbox mode. */
export function appProviderNow(): Promise<Date> {
  return providerClock(getDb(), isSandbox)();
}
