import type { Metadata } from "next";
import { ThresholdForm } from "@/components/settings/threshold-form";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { UtcTime } from "@/components/ui/utc-time";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getDb } from "@/lib/db/client";
import { formatMinor } from "@/lib/money/convert";
import { listApprovalThresholds } from "@/lib/refunds/set-approval-threshold";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  await requirePagePermission("settings:manage");
  const thresholds = await listApprovalThresholds(getDb());
  return (
    <>
      <PageHeader title="Settings" description="Refunds above a currency's approval threshold wait for a second finance user or admin to approve them." />
      <Card title="Refund approval thresholds">
        <ul className="space-y-4">
          {thresholds.map((row) => {
            const current = formatMinor(row.amountMinor, row.currency);
            return (
              <li key={row.currency} className="space-y-1" data-testid={`threshold-${row.currency}`}>
                <p className="text-sm">
                  <span className="font-medium">{row.currency}</span>: refunds above {current} need approval{" "}
                  {row.isDefault ? (
                    <span className="text-zinc-500">(default)</span>
                  ) : row.updatedAt ? (
                    <span className="text-zinc-500">
                      (set <UtcTime value={row.updatedAt} /> UTC)
                    </span>
                  ) : null}
                </p>
                <ThresholdForm currency={row.currency} current={current} />
              </li>
            );
          })}
        </ul>
      </Card>
    </>
  );
}
