import { afterAll, beforeAll } from "vitest";
import type { AuditActor } from "@/lib/domain/audit/record-audit";
import { startHarness, type Harness } from "@/lib/integrations/providers/octopus-cards/test-harness";
import { actorOf, makeUser } from "@/lib/tooling/testing/fixtures";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import type { OrderDeps } from "../place-order";

export interface MerchantOrderHarness {
  h: Harness;
  deps: OrderDeps;
  merchant: AuditActor;
}

/**
 * For a describe block that places orders as a merchant: the Octopus Cards sandbox on a fresh
 * database, the merchant, and the wallets in our ledger. Read the fields inside tests (they are
 * set in beforeAll).
 */
export function useMerchantOrderHarness(): MerchantOrderHarness {
  const world = {} as MerchantOrderHarness;
  beforeAll(async () => {
    world.h = await startHarness();
    world.deps = { db: world.h.database.db, client: world.h.client, now: () => new Date() };
    world.merchant = actorOf(await makeUser(world.h.database.db, "merchant"));
    await ensureWalletsInLedger(world.h.database.db, world.h.client);
  }, 180_000);
  afterAll(async () => world.h?.close());
  return world;
}
