import { gte } from "drizzle-orm";
import { webhookRejectionCounts } from "@/drizzle/schema/webhook-rejections";
import { paymentProviderLabelOrName } from "@/lib/integrations/providers/provider-labels";
import type { DbOrTx } from "@/lib/platform/db/types";
import { formatUtc } from "@/lib/platform/time/utc";
import { raiseAlertsNotYetRaised, type OutboxAlert } from "./outbox-alert";

export const signatureWindowMs = 10 * 60_000;

/** The fixed 10-minute window (UTC, from :00, :10, …) that holds `at`. */
export const windowStartOf = (at: Date) => new Date(Math.floor(at.getTime() / signatureWindowMs) * signatureWindowMs);

export interface RefusedInWindow {
  provider: string;
  windowStart: Date;
  refused: number;
}

const senderLabel = (provider: string) =>
  provider === "octopus-cards" ? "Octopus Cards" : paymentProviderLabelOrName(provider);

export function webhookSignatureFailuresAlert(window: RefusedInWindow): OutboxAlert {
  const from = formatUtc(window.windowStart, "minute");
  const to = formatUtc(new Date(window.windowStart.getTime() + signatureWindowMs), "minute").slice(11);
  const sender = senderLabel(window.provider);
  return {
    rule: "webhook_signature_failures",
    dedupeKey: `webhook_signature_failures:${window.provider}:${window.windowStart.toISOString()}`,
    subjectType: "webhook_provider",
    subjectId: window.provider,
    title: `We refused ${window.refused.toLocaleString("en-US")} webhooks claiming to come from ${sender} between ${from} and ${to} UTC without a valid signature.`,
    body: `Someone may be forging them, or the signing key we hold for ${sender} no longer matches its own.`,
    href: `/webhooks?provider=${encodeURIComponent(window.provider)}&signature=refused`,
  };
}

/**
 * Refused deliveries per provider in the current 10-minute window and the one before it (so a burst
 * at the end of a window is still seen after the window closes); each window above `threshold` once.
 */
export async function raiseSignatureFailures(db: DbOrTx, threshold: number, now: Date): Promise<number> {
  const current = windowStartOf(now);
  const previous = new Date(current.getTime() - signatureWindowMs);
  const minutes = await db.select().from(webhookRejectionCounts).where(gte(webhookRejectionCounts.minute, previous));
  const windows = new Map<string, RefusedInWindow>();
  for (const row of minutes) {
    const windowStart = windowStartOf(row.minute);
    const key = `${row.provider}|${windowStart.toISOString()}`;
    const window = windows.get(key) ?? { provider: row.provider, windowStart, refused: 0 };
    window.refused += row.received;
    windows.set(key, window);
  }
  const above = [...windows.values()].filter((window) => window.refused > threshold).map(webhookSignatureFailuresAlert);
  return raiseAlertsNotYetRaised(db, above);
}
