import { runwayWords, walletRunways, type WalletRunway } from "@/lib/domain/overview/wallet-runway";
import { lowBalanceThresholds } from "@/lib/domain/wallet/low-balance-threshold";
import type { DbOrTx } from "@/lib/platform/db/types";
import { formatMinor } from "@/lib/platform/money/convert";
import { raiseAlertsNotYetRaised, type OutboxAlert } from "./outbox-alert";

type LowWallet = Pick<WalletRunway, "walletId" | "currency" | "balanceMinor" | "runwayDays">;

/** Why a wallet is low: under the admin's balance threshold, its runway under `runwayDays`, or both; null when neither. */
export function walletLowReasons(
  wallet: LowWallet,
  thresholdMinor: bigint | undefined,
  runwayDays: number,
): { belowThresholdMinor: bigint | null; shortRunway: boolean } | null {
  const belowThresholdMinor =
    thresholdMinor !== undefined && wallet.balanceMinor < thresholdMinor ? thresholdMinor : null;
  const shortRunway = wallet.runwayDays !== null && wallet.runwayDays < BigInt(runwayDays);
  return belowThresholdMinor === null && !shortRunway ? null : { belowThresholdMinor, shortRunway };
}

/** At most one alert per currency per UTC day: a wallet that stays low is raised again the next day. */
const dedupeKeyOf = (currency: string, now: Date) => `wallet_low:${currency}:${now.toISOString().slice(0, 10)}`;

export function walletLowAlert(
  wallet: LowWallet,
  reasons: { belowThresholdMinor: bigint | null; shortRunway: boolean },
  now: Date,
): OutboxAlert {
  const money = (minor: bigint) => formatMinor(minor, wallet.currency);
  const why = [
    reasons.belowThresholdMinor === null
      ? null
      : `below its ${money(reasons.belowThresholdMinor)} low-balance threshold`,
    reasons.shortRunway ? `${runwayWords(wallet.runwayDays)} of spending at the last 30 days' rate` : null,
  ].filter((part) => part !== null);
  return {
    rule: "wallet_low",
    dedupeKey: dedupeKeyOf(wallet.currency, now),
    subjectType: "wallet",
    subjectId: String(wallet.walletId),
    title: `The ${wallet.currency} wallet has ${money(wallet.balanceMinor)} left, ${why.join(" and ")}.`,
    body: "Top up the wallet before orders are refused for want of funds.",
    href: `/wallet?wallet=${wallet.walletId}`,
  };
}

/** Every ledger wallet under its currency's low-balance threshold or with fewer than `runwayDays` days of runway. */
export async function raiseLowWallets(db: DbOrTx, runwayDays: number, now: Date): Promise<number> {
  const [wallets, thresholds] = await Promise.all([walletRunways(db, now), lowBalanceThresholds(db)]);
  const low = wallets.flatMap((wallet) => {
    const reasons = walletLowReasons(wallet, thresholds.get(wallet.currency)?.amountMinor, runwayDays);
    return reasons ? [walletLowAlert(wallet, reasons, now)] : [];
  });
  return raiseAlertsNotYetRaised(db, low);
}
