import type { DbOrTx } from "@/lib/platform/db/types";
import type { Money, Wallet } from "@/lib/integrations/providers/octopus-cards/types";
import { lowBalanceThresholds } from "@/lib/domain/wallet/low-balance-threshold";
import { ledgerWallets } from "@/lib/domain/wallet/wallet-ledger";

/** What an order may spend from a wallet: our ledger's balance (the one the debit is checked against). */
export interface WalletStanding {
  walletId: number;
  balance: Money;
  /** Set when an admin chose a low-balance threshold for the currency. */
  lowThreshold: Money | null;
  low: boolean;
}

/**
 * The balance each wallet can spend before the order is placed: our ledger's when the wallet is
 * in it (placing is refused against that balance), else the provider's, with the low-balance
 * state from the currency's threshold.
 */
export async function walletStandings(db: DbOrTx, wallets: readonly Wallet[]): Promise<Map<number, WalletStanding>> {
  const [ledger, thresholds] = await Promise.all([ledgerWallets(db), lowBalanceThresholds(db)]);
  const ledgerById = new Map(ledger.map((w) => [w.walletId, w]));
  return new Map(
    wallets.map((wallet) => {
      const own = ledgerById.get(wallet.id);
      const balance: Money = own ? { minor: own.balanceMinor, currency: own.currency } : wallet.balance;
      const threshold = thresholds.get(balance.currency);
      const lowThreshold = threshold ? { minor: threshold.amountMinor, currency: balance.currency } : null;
      return [
        wallet.id,
        {
          walletId: wallet.id,
          balance,
          lowThreshold,
          low: lowThreshold !== null && balance.minor < lowThreshold.minor,
        },
      ];
    }),
  );
}

/** How much more the wallet needs to pay `total`; null when it covers it (or the currencies differ). */
export function shortfallOf(balance: Money, total: Money): Money | null {
  if (balance.currency !== total.currency || balance.minor >= total.minor) return null;
  return { minor: total.minor - balance.minor, currency: total.currency };
}

/** The wallet a product's order is charged to by default: one in the product's currency, so no FX fee. */
export function defaultWalletFor<W extends { id: number; currency: string }>(
  wallets: readonly W[],
  productCurrency: string | undefined,
): W | undefined {
  return wallets.find((w) => w.currency === productCurrency) ?? wallets[0];
}
