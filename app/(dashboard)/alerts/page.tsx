import type { Metadata } from "next";
import { AddAlertWebhookForm } from "@/components/alerts/add-alert-webhook-form";
import { DeliveryHistoryTable } from "@/components/alerts/delivery-history-table";
import { RemoveAlertWebhookButton } from "@/components/alerts/remove-alert-webhook-button";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { listDeliveryHistory } from "@/lib/domain/alerts/delivery-history";
import { listWebhookEndpoints } from "@/lib/domain/alerts/webhook-endpoints";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { roleLabels } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import { isSandbox } from "@/lib/platform/env";
import { roles } from "@/drizzle/schema/auth";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  await requirePagePermission("settings:manage");
  const db = getDb();
  const [endpoints, history] = await Promise.all([listWebhookEndpoints(db), listDeliveryHistory(db, { limit: 100 })]);
  return (
    <>
      <PageHeader
        title="Alerts"
        description="Where alerts go besides the notification centre: each person's email (they choose on their Account page) and team webhooks. Which rules are on, and their thresholds, are in Settings."
      />
      <div className="space-y-6">
        <Card title="Team webhooks">
          <p className="mb-4 text-sm text-zinc-600 dark:text-zinc-300">
            Each alert for a team is posted as Slack-compatible JSON, signed in the{" "}
            <code className="font-mono text-xs">X-Payments-Ops-Signature</code> header (HMAC-SHA256 of the timestamp and
            body with the webhook&apos;s signing secret), and retried with back-off until the receiver answers 2xx.
            {isSandbox ? " In the sandbox, ops' alerts also go to the built-in webhook sink (Sandbox page)." : ""}
          </p>
          {endpoints.length ? (
            <ul className="mb-6 divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Team webhooks">
              {endpoints.map((endpoint) => (
                <li
                  key={endpoint.id}
                  className="flex flex-wrap items-center justify-between gap-3 py-3"
                  data-testid="alert-webhook"
                >
                  <div className="text-sm">
                    <p className="font-medium">{endpoint.label}</p>
                    <p className="text-zinc-600 dark:text-zinc-300">
                      {roleLabels[endpoint.team]} team · <span className="font-mono text-xs">{endpoint.maskedUrl}</span>{" "}
                      · secret ending {endpoint.secretHint}
                    </p>
                  </div>
                  <RemoveAlertWebhookButton endpointId={endpoint.id} label={endpoint.label} />
                </li>
              ))}
            </ul>
          ) : (
            <EmptyState title="No team webhooks yet." />
          )}
          <AddAlertWebhookForm teams={roles.map((role) => ({ value: role, label: roleLabels[role] }))} />
        </Card>
        <Card title="Delivery history">
          {history.length ? (
            <DeliveryHistoryTable rows={history} />
          ) : (
            <EmptyState title="No alert has been sent by email or webhook yet." />
          )}
        </Card>
      </div>
    </>
  );
}
