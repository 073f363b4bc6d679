import { and, asc, eq, inArray, isNull, lte, or, sql } from "drizzle-orm";
import { alertDeliveries, alertDeliveryAttempts, alertWebhookEndpoints } from "@/drizzle/schema/alert-channels";
import { alertOutbox } from "@/drizzle/schema/alerts";
import { runEvery } from "@/lib/platform/background/every";
import { runLeasedChecks, type LeasedCheckRun } from "@/lib/platform/background/lease-runner";
import type { Database } from "@/lib/platform/db/types";
import { log } from "@/lib/platform/log/logger";
import type { OutgoingMessage } from "./channels/alert-message";
import type { EmailChannel } from "./channels/email-channel";
import { sendAlertWebhook } from "./channels/webhook-channel";
import { alertRetryDelayMs } from "./deliver-due-alerts";
import { failureMessage } from "./failure-message";

export interface AlertSenders {
  email: EmailChannel | null;
  /** The app's base URL: alert links are absolute outside the app. */
  appUrl: string;
}

/** Nothing to retry: the delivery is given up at once. */
class DeliveryImpossible extends Error {
  override name = "DeliveryImpossible";
}

/** Longer than the slowest send (SMTP socket 20 s, webhook 15 s): a live lease means a send in progress. */
const sendLeaseMs = 60_000;
/** 30 s doubling to an hour: about six hours of trying before a delivery is given up and shown as such. */
export const maxDeliveryAttempts = 12;

export type DeliverySend =
  | { group: string; outcome: "sent"; deliveries: number; detail: string }
  | { group: string; outcome: "failed"; deliveries: number; error: string; abandoned: boolean }
  | { group: string; outcome: "nothing-to-send" };

const unsettled = and(isNull(alertDeliveries.deliveredAt), isNull(alertDeliveries.abandonedAt));

/**
 * Claims the due deliveries in one statement (SKIP LOCKED) and groups them into messages: a
 * digest's deliveries to one target go out as one message, every other delivery on its own.
 */
async function leaseDueMessages(db: Database, limit: number, now: Date): Promise<string[]> {
  const due = db
    .select({ id: alertDeliveries.id })
    .from(alertDeliveries)
    .where(
      and(
        unsettled,
        lte(alertDeliveries.nextAttemptAt, now),
        or(isNull(alertDeliveries.leaseUntil), lte(alertDeliveries.leaseUntil, now)),
      ),
    )
    .orderBy(asc(alertDeliveries.nextAttemptAt))
    .limit(limit)
    .for("update", { skipLocked: true });
  const leased = await db
    .update(alertDeliveries)
    .set({ leaseUntil: new Date(now.getTime() + sendLeaseMs) })
    .where(inArray(alertDeliveries.id, due))
    .returning({
      id: alertDeliveries.id,
      channel: alertDeliveries.channel,
      target: alertDeliveries.target,
      digestKey: alertDeliveries.digestKey,
    });
  const groups = new Map<string, bigint[]>();
  for (const row of leased) {
    const key = row.digestKey ? `${row.channel}|${row.target}|${row.digestKey}` : `single|${row.id}`;
    groups.set(key, [...(groups.get(key) ?? []), row.id]);
  }
  return [...groups.values()].map((ids) => ids.sort((a, b) => (a < b ? -1 : 1)).join(","));
}

const idsOf = (group: string) => group.split(",").map((id) => BigInt(id));

async function loadMessage(db: Database, ids: bigint[], appUrl: string) {
  const rows = await db
    .select({
      id: alertDeliveries.id,
      channel: alertDeliveries.channel,
      target: alertDeliveries.target,
      address: alertDeliveries.address,
      digestKey: alertDeliveries.digestKey,
      attempts: alertDeliveries.attempts,
      outboxId: alertOutbox.id,
      rule: alertOutbox.rule,
      title: alertOutbox.title,
      body: alertOutbox.body,
      href: alertOutbox.href,
      raisedAt: alertOutbox.raisedAt,
    })
    .from(alertDeliveries)
    .innerJoin(alertOutbox, eq(alertOutbox.id, alertDeliveries.outboxId))
    .where(and(inArray(alertDeliveries.id, ids), unsettled))
    .orderBy(asc(alertDeliveries.id));
  const [first] = rows;
  if (!first) return null;
  const digest = first.digestKey?.startsWith("daily:") ? "daily" : first.digestKey ? "hourly" : null;
  const message: OutgoingMessage = {
    deliveryIds: rows.map((row) => row.id.toString()),
    digest,
    alerts: rows.map((row) => ({
      outboxId: row.outboxId.toString(),
      rule: row.rule,
      title: row.title,
      body: row.body,
      url: new URL(row.href, appUrl).toString(),
      raisedAt: row.raisedAt,
    })),
  };
  return { first, ids: rows.map((row) => row.id), attempts: Math.max(...rows.map((row) => row.attempts)), message };
}

async function send(
  db: Database,
  senders: AlertSenders,
  loaded: NonNullable<Awaited<ReturnType<typeof loadMessage>>>,
  now: Date,
) {
  const { first, message } = loaded;
  if (first.channel === "email") {
    if (!senders.email) throw new Error("alert email is not set up on this server (ALERT_SMTP_URL)");
    return senders.email.send(first.address, message);
  }
  if (first.channel === "webhook") {
    const [endpoint] = await db
      .select({ secret: alertWebhookEndpoints.signingSecret, disabledAt: alertWebhookEndpoints.disabledAt })
      .from(alertWebhookEndpoints)
      .where(eq(alertWebhookEndpoints.id, first.target));
    if (!endpoint || endpoint.disabledAt)
      throw new DeliveryImpossible("the webhook was removed before the alert could be sent");
    return sendAlertWebhook(first.address, endpoint.secret, message, now);
  }
  throw new Error(`no sender is known for the channel "${first.channel}"`);
}

/**
 * Sends one message outside any transaction, then records it in one short transaction: each
 * delivery still unsettled is marked sent (or failed, retried with back-off, and given up after
 * maxDeliveryAttempts), and every attempt is written to the append-only attempts log.
 */
async function sendMessage(db: Database, senders: AlertSenders, group: string, now: Date): Promise<DeliverySend> {
  const loaded = await loadMessage(db, idsOf(group), senders.appUrl);
  if (!loaded) return { group, outcome: "nothing-to-send" };
  let result: { ok: true; detail: string } | { ok: false; error: string; final: boolean };
  try {
    result = { ok: true, detail: await send(db, senders, loaded, now) };
  } catch (error) {
    result = { ok: false, error: failureMessage(error), final: error instanceof DeliveryImpossible };
  }
  const attempts = loaded.attempts + 1;
  const abandoned = !result.ok && (result.final || attempts >= maxDeliveryAttempts);
  await db.transaction(async (tx) => {
    await tx
      .update(alertDeliveries)
      .set(
        result.ok
          ? { deliveredAt: now, leaseUntil: null, attempts: sql`${alertDeliveries.attempts} + 1`, lastError: null }
          : {
              leaseUntil: null,
              attempts: sql`${alertDeliveries.attempts} + 1`,
              lastError: result.error,
              nextAttemptAt: new Date(now.getTime() + alertRetryDelayMs(attempts)),
              ...(abandoned && { abandonedAt: now }),
            },
      )
      .where(and(inArray(alertDeliveries.id, loaded.ids), unsettled));
    await tx.insert(alertDeliveryAttempts).values(
      loaded.ids.map((deliveryId) => ({
        deliveryId,
        attemptedAt: now,
        outcome: result.ok ? "sent" : "failed",
        detail: result.ok ? result.detail : result.error,
      })),
    );
  });
  if (result.ok) return { group, outcome: "sent", deliveries: loaded.ids.length, detail: result.detail };
  log.warn(
    { deliveries: group, channel: loaded.first.channel, error: result.error, abandoned },
    abandoned ? "alert delivery given up" : "alert delivery failed; it will be retried",
  );
  return { group, outcome: "failed", deliveries: loaded.ids.length, error: result.error, abandoned };
}

async function releaseForRetry(db: Database, group: string, retryAt: Date): Promise<void> {
  await db
    .update(alertDeliveries)
    .set({ leaseUntil: null, nextAttemptAt: retryAt })
    .where(and(inArray(alertDeliveries.id, idsOf(group)), unsettled));
}

/** One send pass: lease the due deliveries, send each message, record each attempt. Safe on several instances. */
export function sendDueAlertDeliveries(
  db: Database,
  senders: AlertSenders,
  options: { limit?: number; now?: Date } = {},
): Promise<LeasedCheckRun<DeliverySend>> {
  return runLeasedChecks(
    {
      noun: "alertDelivery",
      leaseDue: (limit, now) => leaseDueMessages(db, limit, now),
      check: (group, now) => sendMessage(db, senders, group, now),
      releaseForRetry: (group, retryAt) => releaseForRetry(db, group, retryAt),
      retryAfterMs: 30_000,
    },
    { limit: options.limit ?? 50, now: options.now ?? new Date() },
  );
}

export function startAlertSending(db: () => Database, senders: AlertSenders, intervalMs = 2_000): () => void {
  return runEvery("alert-sending", () => sendDueAlertDeliveries(db(), senders), intervalMs);
}
