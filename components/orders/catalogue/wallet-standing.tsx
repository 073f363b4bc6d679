import type { WalletStanding } from "@/lib/domain/orders/wallet/wallet-standing";
import { moneyText } from "../money-text";

/** "Balance $1,000.00", and when it is under the currency's threshold, that it is low (shown to users with wallet:read). */
export function WalletStandingText({ standing }: { standing: WalletStanding }) {
  const { balance, lowThreshold, low } = standing;
  return (
    <>
      <span data-testid={`wallet-balance-${standing.walletId}`}>{moneyText(balance.minor, balance.currency)}</span>
      {low && lowThreshold ? (
        <span
          className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-200"
          data-testid={`wallet-low-${standing.walletId}`}
        >
          Low balance: under the {moneyText(lowThreshold.minor, lowThreshold.currency)} threshold for {balance.currency}
        </span>
      ) : null}
    </>
  );
}

/** The wallets an order can be charged to, with what each can spend now. */
export function WalletStandingList({ standings }: { standings: WalletStanding[] }) {
  return (
    <section aria-labelledby="wallet-balances-heading" className="mb-4 text-sm">
      <h2 id="wallet-balances-heading" className="mb-1 font-medium">
        Wallet balances
      </h2>
      <ul className="flex flex-wrap gap-x-6 gap-y-1">
        {standings.map((s) => (
          <li key={s.walletId}>
            {s.balance.currency} wallet #{s.walletId}: <WalletStandingText standing={s} />
          </li>
        ))}
      </ul>
    </section>
  );
}
