import { and, eq, inArray, isNull } from "drizzle-orm";
import { alertChannelPreferences, alertDeliveries, alertWebhookEndpoints } from "@/drizzle/schema/alert-channels";
import { notifications, type alertOutbox } from "@/drizzle/schema/alerts";
import { users } from "@/drizzle/schema/auth";
import type { Transaction } from "@/lib/platform/db/types";
import { digestSlot } from "./digest-slot";
import { loadAlertRuleSettings } from "./rules/alert-rule-settings";

/** Which outward channels this instance can send on (email needs an SMTP server). */
export interface AlertChannels {
  email: boolean;
}

export interface AlertFanOut {
  notified: number;
  emails: number;
  webhooks: number;
}

type OutboxRow = typeof alertOutbox.$inferSelect;

/**
 * Inside the transaction that marks the alert delivered: one in-app notification per person on
 * a team the rule is on for, and one delivery row per email and team webhook, for the sender to
 * send outside any transaction. The unique indexes keep each at one, whatever runs twice.
 */
export async function fanOutAlert(
  tx: Transaction,
  alert: OutboxRow,
  channels: AlertChannels,
  now: Date,
): Promise<AlertFanOut> {
  const rule = (await loadAlertRuleSettings(tx))(alert.rule);
  if (rule.teams.length === 0) return { notified: 0, emails: 0, webhooks: 0 };
  const people = await tx
    .select({ id: users.id, email: users.email })
    .from(users)
    .where(and(isNull(users.disabledAt), inArray(users.role, rule.teams)));
  if (people.length > 0)
    await tx
      .insert(notifications)
      .values(people.map((person) => ({ userId: person.id, outboxId: alert.id, ...alertText(alert) })))
      .onConflictDoNothing();

  const slot = digestSlot(rule.delivery, now);
  const delivery = { outboxId: alert.id, digestKey: slot.digestKey, nextAttemptAt: slot.sendAt };
  const emailTo = channels.email ? await peopleWantingEmail(tx, people) : [];
  const endpoints = await tx
    .select({ id: alertWebhookEndpoints.id, url: alertWebhookEndpoints.url })
    .from(alertWebhookEndpoints)
    .where(and(isNull(alertWebhookEndpoints.disabledAt), inArray(alertWebhookEndpoints.team, rule.teams)));
  const rows = [
    ...emailTo.map((person) => ({ ...delivery, channel: "email", target: person.id, address: person.email })),
    ...endpoints.map((endpoint) => ({ ...delivery, channel: "webhook", target: endpoint.id, address: endpoint.url })),
  ];
  if (rows.length > 0) await tx.insert(alertDeliveries).values(rows).onConflictDoNothing();
  return { notified: people.length, emails: emailTo.length, webhooks: endpoints.length };
}

const alertText = (alert: OutboxRow) => ({ title: alert.title, body: alert.body, href: alert.href });

/** Email is on unless the person switched it off on their Account page. */
async function peopleWantingEmail<P extends { id: string }>(tx: Transaction, people: P[]): Promise<P[]> {
  if (people.length === 0) return [];
  const optedOut = await tx
    .select({ userId: alertChannelPreferences.userId })
    .from(alertChannelPreferences)
    .where(
      and(
        eq(alertChannelPreferences.channel, "email"),
        eq(alertChannelPreferences.enabled, false),
        inArray(
          alertChannelPreferences.userId,
          people.map((person) => person.id),
        ),
      ),
    );
  const off = new Set(optedOut.map((row) => row.userId));
  return people.filter((person) => !off.has(person.id));
}
