import type { Metadata } from "next";
import { AlertRulesCard } from "@/components/settings/alert-rules-card";
import { LowBalanceThresholdForm } from "@/components/settings/low-balance-threshold-form";
import { ThresholdForm } from "@/components/settings/threshold-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { UtcTime } from "@/components/ui/utc-time";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { formatMinor } from "@/lib/platform/money/convert";
import { unreachableThreshold } from "@/lib/domain/refunds/approval-thresholds";
import { listApprovalThresholds } from "@/lib/domain/refunds/set-approval-threshold";
import { lowBalanceThresholds } from "@/lib/domain/wallet/low-balance-threshold";
import { listAlertRules } from "@/lib/domain/alerts/rules/alert-rule-rows";
import { ledgerWallets } from "@/lib/domain/wallet/wallet-ledger";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePagePermission("settings:manage");
  const db = getDb();
  const thresholds = await listApprovalThresholds(db);
  const lowBalance = await lowBalanceThresholds(db);
  const alertRules = await listAlertRules(db);
  const walletCurrencies = [
    ...new Set([...(await ledgerWallets(db)).map((w) => w.currency), ...lowBalance.keys(), "HKD", "USD"]),
  ].sort();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Refunds above a currency's approval threshold wait for a second finance user or admin to approve them."
      />
      <Card title="Refund approval thresholds">
        <ul className="space-y-4">
          {thresholds.map((row) => {
            const current = formatMinor(row.amountMinor, row.currency);
            const unreachable = unreachableThreshold(row.currency, row.amountMinor);
            return (
              <li key={row.currency} className="space-y-1" data-testid={`threshold-${row.currency}`}>
                <p className="text-sm">
                  <span className="font-medium">{row.currency}</span>: refunds above {current} need approval{" "}
                  {row.isDefault ? (
                    <span className="text-zinc-500 dark:text-zinc-400">(default)</span>
                  ) : row.updatedAt ? (
                    <span className="text-zinc-500 dark:text-zinc-400">
                      (set <UtcTime value={row.updatedAt} /> UTC)
                    </span>
                  ) : null}
                </p>
                {unreachable ? (
                  <p
                    className="text-sm text-amber-800 dark:text-amber-200"
                    data-testid={`threshold-unreachable-${row.currency}`}
                  >
                    No refund in {row.currency} can be above {formatMinor(unreachable.capMinor, row.currency)} (
                    {unreachable.rule}), so at this threshold none ever waits for approval. Set it lower for
                    maker-checker to apply.
                  </p>
                ) : null}
                <ThresholdForm currency={row.currency} current={current} />
              </li>
            );
          })}
        </ul>
      </Card>
      <Card title="Wallet low-balance warnings" className="mt-6">
        <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
          The wallet page warns when a wallet&apos;s balance in our ledger is below its currency&apos;s threshold.
        </p>
        <ul className="space-y-4">
          {walletCurrencies.map((currency) => {
            const row = lowBalance.get(currency);
            return (
              <li key={currency} data-testid={`low-balance-${currency}`}>
                <LowBalanceThresholdForm
                  currency={currency}
                  current={row ? formatMinor(row.amountMinor, currency) : null}
                />
              </li>
            );
          })}
        </ul>
      </Card>
      <AlertRulesCard rules={alertRules} />
    </>
  );
}
