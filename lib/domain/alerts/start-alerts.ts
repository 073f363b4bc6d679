import { appUrl, isSandbox } from "@/lib/platform/env";
import type { Database } from "@/lib/platform/db/types";
import { log } from "@/lib/platform/log/logger";
import { configuredAlertEmail } from "./channels/configured-email";
import { emailChannel } from "./channels/email-channel";
import { startAlertDelivery } from "./deliver-due-alerts";
import { startAlertSending } from "./send-due-alert-deliveries";
import { ensureSandboxSinkEndpoint } from "./webhook-endpoints";

/**
 * Alerts written to the outbox with the change that raised them are fanned out to in-app
 * notifications and per-channel deliveries, then sent by email and team webhooks. Both loops
 * are leased (SKIP LOCKED), so several instances share the work without sending twice.
 */
export async function startAlerts(db: Database): Promise<void> {
  const email = configuredAlertEmail();
  if (isSandbox) await ensureSandboxSinkEndpoint(db, new URL("/api/sandbox/alert-sink", appUrl).toString());
  if (!email) log.info("startup: alert email is off (set ALERT_SMTP_URL to send it)");
  startAlertDelivery(() => db, { email: email !== null });
  startAlertSending(() => db, { email: email && emailChannel(email), appUrl });
}
