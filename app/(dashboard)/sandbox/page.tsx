import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AdvanceClockForm } from "@/components/sandbox/advance-clock-form";
import { WebhookDeliveriesTable } from "@/components/sandbox/webhook-deliveries-table";
import { Card, EmptyState } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { getDb } from "@/lib/platform/db/client";
import { isSandbox } from "@/lib/platform/env";
import { checkoutConfig, octoConfig, octopusCardsConfig } from "@/lib/integrations/providers/config";
import { clockOffsetMs, listReceived, sandboxNow, listWebhookDeliveries } from "@/lib/integrations/sandbox/mount";
import { MailSinkTable, WebhookSinkTable } from "@/components/sandbox/alert-sinks-tables";
import { checkSinkWebhooks } from "@/lib/domain/alerts/sandbox-sink-view";
import { UtcTime } from "@/components/ui/utc-time";

export const metadata: Metadata = { title: "Sandbox" };

export default async function SandboxPage() {
  await requirePagePermission("settings:manage");
  if (!isSandbox) notFound();
  const db = getDb();
  const [now, offsetMs, deliveries, emails, arrivedWebhooks] = await Promise.all([
    sandboxNow(db),
    clockOffsetMs(db),
    listWebhookDeliveries(db, undefined, { newestFirst: true, limit: 25 }),
    listReceived(db, "email", 50),
    listReceived(db, "webhook", 50),
  ]);
  const alertWebhooks = await checkSinkWebhooks(db, arrivedWebhooks);
  const endpoints = [
    { name: "Checkout.com (Octopus)", baseUrl: checkoutConfig().baseUrl },
    { name: "OCTO", baseUrl: octoConfig().baseUrl },
    { name: "Octopus Cards API", baseUrl: octopusCardsConfig().baseUrl },
  ];
  return (
    <>
      <PageHeader
        title="Sandbox"
        description="The local provider simulators. Move the sandbox clock to show time-based outcomes (refund settlement, 90-day expiry, token expiry, topup delivery) without waiting."
      />
      <div className="space-y-6">
        <Card title="Sandbox clock">
          <p className="mb-4 text-sm">
            Sandbox time:{" "}
            <span className="font-mono" data-testid="sandbox-now">
              <UtcTime value={now} /> UTC
            </span>{" "}
            <span className="text-zinc-500 dark:text-zinc-400">
              ({Math.round(offsetMs / 60_000).toLocaleString("en-US")} minutes ahead of real time)
            </span>
          </p>
          <AdvanceClockForm />
        </Card>
        <Card title="Provider endpoints">
          <ul className="space-y-1 text-sm">
            {endpoints.map((e) => (
              <li key={e.name}>
                {e.name}: <span className="break-all font-mono text-xs">{e.baseUrl}</span>
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
            Credentials, trigger amounts and control endpoints are in the README&apos;s Sandbox section.
          </p>
        </Card>
        <Card title="Alert email (mail sink)">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
            Alert email goes to a real SMTP server built into the sandbox; set ALERT_SMTP_URL to send it elsewhere.
          </p>
          {emails.length ? (
            <MailSinkTable emails={emails.map((email) => ({ ...email, receivedAt: new Date(email.receivedAt) }))} />
          ) : (
            <EmptyState title="No alert email yet." />
          )}
        </Card>
        <Card title="Alert webhooks (webhook sink)">
          <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-300">
            Ops&apos; alerts are also posted, signed, to this built-in receiver; add your own team webhooks on the
            Alerts page.
          </p>
          {alertWebhooks.length ? (
            <WebhookSinkTable webhooks={alertWebhooks} />
          ) : (
            <EmptyState title="No alert webhooks yet." />
          )}
        </Card>
        <Card title="Recent webhooks sent by the sandboxes">
          {deliveries.length ? (
            <WebhookDeliveriesTable deliveries={deliveries} />
          ) : (
            <EmptyState title="No webhooks sent yet." />
          )}
        </Card>
      </div>
    </>
  );
}
