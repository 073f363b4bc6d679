import { desc, eq, lt, sql } from "drizzle-orm";
import { alertDeliveries, alertWebhookEndpoints } from "@/drizzle/schema/alert-channels";
import { alertOutbox } from "@/drizzle/schema/alerts";
import type { DbOrTx } from "@/lib/platform/db/types";
import { maskedWebhookUrl } from "./webhook-endpoints";

export type DeliveryState = "sent" | "waiting-for-digest" | "queued" | "retrying" | "given-up";

export interface DeliveryHistoryRow {
  id: string;
  alertTitle: string;
  alertHref: string;
  channel: "email" | "webhook";
  /** The email address, or the webhook's label and masked address. */
  recipient: string;
  state: DeliveryState;
  attempts: number;
  lastError: string | null;
  /** When it was sent, given up, or is next tried. */
  at: Date;
}

function stateOf(row: {
  deliveredAt: Date | null;
  abandonedAt: Date | null;
  attempts: number;
  digestKey: string | null;
}): DeliveryState {
  if (row.deliveredAt) return "sent";
  if (row.abandonedAt) return "given-up";
  if (row.attempts > 0) return "retrying";
  return row.digestKey ? "waiting-for-digest" : "queued";
}

/** Every email and webhook send, newest first, a page of `limit` before the `before` id (keyset). */
export async function listDeliveryHistory(
  db: DbOrTx,
  options: { limit?: number; before?: bigint } = {},
): Promise<DeliveryHistoryRow[]> {
  const rows = await db
    .select({
      id: alertDeliveries.id,
      channel: alertDeliveries.channel,
      address: alertDeliveries.address,
      digestKey: alertDeliveries.digestKey,
      deliveredAt: alertDeliveries.deliveredAt,
      abandonedAt: alertDeliveries.abandonedAt,
      attempts: alertDeliveries.attempts,
      nextAttemptAt: alertDeliveries.nextAttemptAt,
      lastError: alertDeliveries.lastError,
      title: alertOutbox.title,
      href: alertOutbox.href,
      endpointLabel: alertWebhookEndpoints.label,
    })
    .from(alertDeliveries)
    .innerJoin(alertOutbox, eq(alertOutbox.id, alertDeliveries.outboxId))
    // A delivery's target is a user id or an endpoint id, kept as text.
    .leftJoin(alertWebhookEndpoints, sql`${alertWebhookEndpoints.id}::text = ${alertDeliveries.target}`)
    .where(options.before ? lt(alertDeliveries.id, options.before) : undefined)
    .orderBy(desc(alertDeliveries.id))
    .limit(options.limit ?? 50);
  return rows.map((row) => ({
    id: row.id.toString(),
    alertTitle: row.title,
    alertHref: row.href,
    channel: row.channel === "webhook" ? "webhook" : "email",
    recipient:
      row.channel === "webhook"
        ? `${row.endpointLabel ?? "Removed webhook"} (${maskedWebhookUrl(row.address)})`
        : row.address,
    state: stateOf(row),
    attempts: row.attempts,
    lastError: row.lastError,
    at: row.deliveredAt ?? row.abandonedAt ?? row.nextAttemptAt,
  }));
}
