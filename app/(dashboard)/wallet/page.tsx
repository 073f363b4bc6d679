import type { Metadata } from "next";
import Link from "next/link";
import { MovementsTable, ReconciliationTable } from "@/components/wallet/wallet-tables";
import { Card, EmptyState } from "@/components/ui/card";
import { InvalidPageLink } from "@/components/ui/invalid-page-link";
import { KeysetPager } from "@/components/ui/keyset-pager";
import { rowIdCursor } from "@/lib/app/validation/row-id-cursor";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { formatMinor } from "@/lib/platform/money/convert";
import { octopusCardsClient } from "@/lib/integrations/providers/clients";
import { firstValues, withParams } from "@/lib/platform/url/search-params";
import { ensureWalletsInLedger } from "@/lib/domain/wallet/ensure-wallets";
import { lowBalanceThresholds } from "@/lib/domain/wallet/low-balance-threshold";
import { heldSentence } from "@/lib/domain/wallet/held-sentence";
import { reconcileWallet, type WalletReconciliation } from "@/lib/domain/wallet/reconcile-wallet";
import { formatRunway, ledgerWallets, listWalletMovements, runwayOf } from "@/lib/domain/wallet/wallet-ledger";
import { log } from "@/lib/platform/log/logger";

export const metadata: Metadata = { title: "Wallet" };

async function providerPart<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    log.error({ err: error }, "wallet page: Octopus Cards call failed");
    return {
      ok: false,
      message: "Octopus Cards did not answer; the provider's side is not shown. Reload to try again.",
    };
  }
}

export default async function WalletPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  await requirePagePermission("wallet:read");
  const params = firstValues(await searchParams);
  const db = getDb();
  const client = octopusCardsClient();
  const opened = await providerPart(() => ensureWalletsInLedger(db, client));
  const wallets = await ledgerWallets(db);
  const thresholds = await lowBalanceThresholds(db);
  const now = new Date();
  const selected = wallets.find((w) => String(w.walletId) === params.wallet) ?? wallets[0];
  const cursorRefusedHere = params.cursor !== undefined && !rowIdCursor.safeParse(params.cursor).success;
  const cursor = cursorRefusedHere ? undefined : params.cursor;

  const summaries = await Promise.all(
    wallets.map(async (wallet) => ({
      wallet,
      runway: await runwayOf(db, wallet.walletId, wallet.balanceMinor, now),
      reconciliation: await providerPart<WalletReconciliation>(() => reconcileWallet(db, client, wallet)),
      threshold: thresholds.get(wallet.currency),
    })),
  );
  const movements = selected && !cursorRefusedHere ? await listWalletMovements(db, selected.walletId, cursor) : null;

  return (
    <>
      <PageHeader
        title="Wallet"
        description="Prepaid Octopus Cards wallets: the provider's balance next to our ledger, every movement, and a reconciliation of the two."
      />
      {!opened.ok ? (
        <p
          role="alert"
          className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200"
        >
          {opened.message}
        </p>
      ) : null}
      {wallets.length === 0 ? <EmptyState title="No wallets in our ledger yet." /> : null}
      <div className="grid gap-4 md:grid-cols-2">
        {summaries.map(({ wallet, runway, reconciliation, threshold }) => {
          const low = threshold !== undefined && wallet.balanceMinor < threshold.amountMinor;
          return (
            <Card key={wallet.walletId} title={`${wallet.currency} wallet (#${wallet.walletId})`}>
              <div data-testid={`wallet-${wallet.currency}`}>
                <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
                  <dt className="text-zinc-600 dark:text-zinc-400">Provider balance</dt>
                  <dd className="tabular-nums" data-testid="provider-balance">
                    {reconciliation.ok
                      ? formatMinor(reconciliation.value.providerBalanceMinor, wallet.currency)
                      : "unavailable"}
                  </dd>
                  <dt className="text-zinc-600 dark:text-zinc-400">Our ledger balance</dt>
                  <dd className="tabular-nums" data-testid="ledger-balance">
                    {formatMinor(wallet.balanceMinor, wallet.currency)}
                  </dd>
                  <dt className="text-zinc-600 dark:text-zinc-400">Days of runway</dt>
                  <dd data-testid="runway">{formatRunway(runway.runwayTenthsOfDay)}</dd>
                  <dt className="text-zinc-600 dark:text-zinc-400">Spent, last 30 days</dt>
                  <dd className="tabular-nums">{formatMinor(runway.spendMinor, wallet.currency)}</dd>
                </dl>
                {low ? (
                  <p
                    role="alert"
                    data-testid="low-balance-warning"
                    className="mt-3 rounded-md border border-red-300 bg-red-50 p-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-200"
                  >
                    Low balance: below the {formatMinor(threshold.amountMinor, wallet.currency)} threshold. Top up the
                    wallet.
                  </p>
                ) : null}
                <div className="mt-3 text-sm" data-testid="reconciliation-status">
                  {!reconciliation.ok ? (
                    <p className="text-amber-800 dark:text-amber-300">
                      Reconciliation unavailable: {reconciliation.message}
                    </p>
                  ) : reconciliation.value.inAgreement ? (
                    <p className="text-emerald-700 dark:text-emerald-400">
                      Reconciled: our ledger agrees with the provider ({reconciliation.value.matched} matched).
                    </p>
                  ) : (
                    <p className="font-medium text-red-700 dark:text-red-400">
                      Out of balance by {formatMinor(reconciliation.value.unexplainedDifferenceMinor, wallet.currency)}{" "}
                      (provider − ours); {reconciliation.value.disagreements.length} row(s) disagree.
                    </p>
                  )}
                  {reconciliation.ok && reconciliation.value.held.minor > 0n ? (
                    <p className="mt-1 text-zinc-700 dark:text-zinc-300" data-testid="held-for-checking">
                      {heldSentence(
                        reconciliation.value.held.minor,
                        reconciliation.value.held.orderIds.length,
                        wallet.currency,
                      )}{" "}
                      <Link href="/orders?status=unknown" className="underline">
                        See the orders we are checking
                      </Link>
                    </p>
                  ) : null}
                </div>
              </div>
            </Card>
          );
        })}
      </div>

      {summaries.some((s) => s.reconciliation.ok && s.reconciliation.value.disagreements.length > 0) ? (
        <section className="mt-6 space-y-4" aria-labelledby="reconciliation-heading">
          <h2 id="reconciliation-heading" className="text-lg font-semibold">
            Reconciliation findings
          </h2>
          {summaries.map(({ wallet, reconciliation }) =>
            reconciliation.ok && reconciliation.value.disagreements.length > 0 ? (
              <ReconciliationTable
                key={wallet.walletId}
                walletId={wallet.walletId}
                currency={wallet.currency}
                rows={reconciliation.value.disagreements}
              />
            ) : null,
          )}
        </section>
      ) : null}

      {selected && cursorRefusedHere ? (
        <InvalidPageLink firstPageHref={withParams("/wallet", { wallet: String(selected.walletId) })} />
      ) : null}
      {selected && movements ? (
        <section className="mt-6" aria-labelledby="ledger-heading">
          <h2 id="ledger-heading" className="mb-2 text-lg font-semibold">
            Ledger: {selected.currency} wallet (#{selected.walletId})
          </h2>
          {wallets.length > 1 ? (
            <nav aria-label="Wallet ledgers" className="mb-3 flex gap-3 text-sm">
              {wallets.map((w) => (
                <Link
                  key={w.walletId}
                  href={withParams("/wallet", { wallet: String(w.walletId) })}
                  aria-current={w.walletId === selected.walletId ? "page" : undefined}
                  className="text-indigo-700 underline-offset-2 hover:underline aria-[current=page]:font-semibold dark:text-indigo-300"
                >
                  {w.currency} (#{w.walletId})
                </Link>
              ))}
            </nav>
          ) : null}
          {movements.rows.length === 0 ? (
            <EmptyState title="No movements yet." />
          ) : (
            <MovementsTable walletId={selected.walletId} rows={movements.rows} />
          )}
          <KeysetPager
            path="/wallet"
            filters={{ wallet: String(selected.walletId) }}
            cursor={cursor}
            nextCursor={movements.nextCursor}
            olderLabel="Older movements"
          />
        </section>
      ) : null}
    </>
  );
}
