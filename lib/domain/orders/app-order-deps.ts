import "server-only";
import { getDb } from "@/lib/platform/db/client";
import { isSandbox } from "@/lib/platform/env";
import { octopusCardsClient } from "@/lib/integrations/providers/clients";
import { providerClock } from "@/lib/domain/refunds/provider-clock";
import type { OrderDeps } from "./place-order";

/** The app's wiring of orders: real time, and the sandbox clock as the provider's clock in sandbox mode. */
export function appOrderDeps(): OrderDeps {
  const db = getDb();
  return { db, client: octopusCardsClient(), now: () => new Date(), providerNow: providerClock(db, isSandbox) };
}
