import type { Database } from "@/lib/db/types";
import type { OctopusCardsClient } from "@/lib/providers/octopus-cards/client";
import { openWalletInLedger } from "./record-movement";

/**
 * Brings every provider wallet we have not seen yet into our ledger with its provider balance as
 * the opening balance. Wallets already in the ledger are left alone (differences are
 * reconciliation findings). Returns the ids opened now.
 */
export async function ensureWalletsInLedger(db: Database, client: Pick<OctopusCardsClient, "listWallets">, now = new Date()): Promise<number[]> {
  const wallets = await client.listWallets({ limit: 100 });
  const opened: number[] = [];
  for (const wallet of wallets.items) {
    const isNew = await db.transaction((tx) => openWalletInLedger(tx, { walletId: wallet.id, currency: wallet.balance.currency, balanceMinor: wallet.balance.minor }, now));
    if (isNew) opened.push(wallet.id);
  }
  return opened;
}
