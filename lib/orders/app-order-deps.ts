import "server-only";
import { getDb } from "@/lib/db/client";
import { octopusCardsClient } from "@/lib/providers/clients";
import type { OrderDeps } from "./place-order";
export function appOrderDeps(): OrderDeps {
  return { db: getDb(), client: octopusCardsClient(), now: () => new Date() };
}
