import type { Wallet } from "@/lib/integrations/providers/octopus-cards/types";
import type { WalletStanding } from "@/lib/domain/orders/wallet/wallet-standing";
import { moneyText } from "../money-text";

/** A wallet as the catalogue offers it; the balance is in the label only for users with wallet:read. */
export interface WalletChoice {
  id: number;
  currency: string;
  label: string;
}

export function walletChoices(
  wallets: readonly Wallet[],
  standings: Map<number, WalletStanding> | null,
): WalletChoice[] {
  return wallets.map((w) => {
    const standing = standings?.get(w.id);
    const balance = standing
      ? ` (${moneyText(standing.balance.minor, standing.balance.currency)}${standing.low ? ", low" : ""})`
      : "";
    return { id: w.id, currency: w.balance.currency, label: `#${w.id} ${w.balance.currency}${balance}` };
  });
}
