import type { Metadata } from "next";
import Link from "next/link";
import { ImportPaymentForm } from "@/components/payments/import-payment-form";
import { SyncPaymentButton } from "@/components/payments/sync-payment-button";
import { Card, EmptyState } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { formatMinor } from "@/lib/platform/money/convert";
import { paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";
import { recentExternalPayments } from "@/lib/domain/payments/recent-external";
import { UtcTime } from "@/components/ui/utc-time";

export const metadata: Metadata = { title: "Import a payment" };

export default async function ImportPaymentPage() {
  await requirePagePermission("payments:sync");
  const recent = await recentExternalPayments(getDb());
  return (
    <>
      <PageHeader
        title="Import a payment"
        description="Bring a payment made at Checkout.com or OCTO into the ledger by its id. It is read from the provider, entered as an external payment and recorded on its timeline and in the audit log. A payment already in the ledger is not imported twice: it is synced instead."
      />
      <div className="space-y-6">
        <Card title="Import by id">
          <ImportPaymentForm />
        </Card>
        <Card title="Payments first seen at each provider">
          {recent.length === 0 ? (
            <EmptyState title="None yet.">
              Payments imported here or created by a provider&apos;s webhook appear here.
            </EmptyState>
          ) : (
            <DataTable
              caption="The latest payments first seen at each provider, newest first"
              columns={["Created (UTC)", "Provider", "Provider id", "Status", "Amount", "Sync"]}
            >
              {recent.map((payment) => (
                <tr key={payment.id} className="align-top">
                  <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                    <UtcTime value={payment.createdAt} />
                  </td>
                  <td className="px-3 py-2">{paymentProviderLabels[payment.provider]}</td>
                  <td className="px-3 py-2 font-mono text-xs">
                    <Link href={`/payments/${payment.id}`} className="text-indigo-700 underline dark:text-indigo-300">
                      {payment.providerPaymentId ?? payment.reference}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{payment.status}</td>
                  <td className="whitespace-nowrap px-3 py-2">{formatMinor(payment.amountMinor, payment.currency)}</td>
                  <td className="px-3 py-2">
                    <SyncPaymentButton paymentId={payment.id} label="Sync" />
                  </td>
                </tr>
              ))}
            </DataTable>
          )}
        </Card>
      </div>
    </>
  );
}
