import { walletBalances } from "@/drizzle/schema/orders";
import type { Database } from "@/lib/platform/db/types";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import { openWalletInLedger } from "./record-movement";

/**
 * Brings every provider wallet we have not seen yet into our ledger (opening balance from the
 * provider). Wallets already in the ledger are left alone: later differences are reconciliation
 * findings, never silent corrections. Returns the ids it opened.
 */
export async function ensureWalletsInLedger(
  db: Database,
  client: Pick<OctopusCardsClient, "listWallets">,
  now: Date = new Date(),
): Promise<number[]> {
  const known = new Set(
    (await db.select({ walletId: walletBalances.walletId }).from(walletBalances)).map((w) => w.walletId),
  );
  const { items } = await client.listWallets();
  const opened: number[] = [];
  for (const wallet of items) {
    if (known.has(wallet.id) || wallet.type !== "PREPAID") continue;
    const created = await db.transaction((tx) =>
      openWalletInLedger(
        tx,
        { walletId: wallet.id, currency: wallet.balance.currency, balanceMinor: wallet.balance.minor },
        now,
      ),
    );
    if (created) opened.push(wallet.id);
  }
  return opened;
}

/** For pages that read our ledger only (the overview): one provider call, and only while the ledger has no wallet yet. */
export async function ensureWalletsOnce(
  db: Database,
  client: Pick<OctopusCardsClient, "listWallets">,
  now: Date = new Date(),
): Promise<void> {
  const [any] = await db.select({ walletId: walletBalances.walletId }).from(walletBalances).limit(1);
  if (!any) await ensureWalletsInLedger(db, client, now);
}
