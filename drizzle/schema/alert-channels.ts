import { sql } from "drizzle-orm";
import { bigint, boolean, index, integer, pgTable, primaryKey, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { roleEnum, users } from "./auth";
import { alertOutbox } from "./alerts";

/** A person's own choice of channel ("email"); with no row, the channel's default applies. */
export const alertChannelPreferences = pgTable(
  "alert_channel_preferences",
  {
    userId: uuid()
      .notNull()
      .references(() => users.id),
    channel: text().notNull(),
    enabled: boolean().notNull(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.channel] })],
);

/**
 * A team's outgoing webhook (Slack-compatible JSON, HMAC-signed). The signing secret is shown to
 * the admin once, when the endpoint is added; pages only ever show its last four characters.
 */
export const alertWebhookEndpoints = pgTable("alert_webhook_endpoints", {
  id: uuid().primaryKey().defaultRandom(),
  team: roleEnum().notNull(),
  label: text().notNull(),
  url: text().notNull(),
  signingSecret: text().notNull(),
  createdBy: uuid().references(() => users.id),
  createdAt: timestamptz().notNull().defaultNow(),
  disabledAt: timestamptz(),
});

/**
 * One alert to send on one channel to one target (a person's email, a team's webhook), written
 * in the transaction that fans the alert out; a leased worker sends it outside any transaction.
 * Alerts of a digest rule share a digest_key and go out together when it falls due.
 */
export const alertDeliveries = pgTable(
  "alert_deliveries",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    outboxId: bigint({ mode: "bigint" })
      .notNull()
      .references(() => alertOutbox.id),
    channel: text().notNull(),
    /** A user id (email) or a webhook endpoint id. */
    target: text().notNull(),
    /** The email address or URL when the alert was fanned out. */
    address: text().notNull(),
    digestKey: text(),
    createdAt: timestamptz().notNull().defaultNow(),
    deliveredAt: timestamptz(),
    /** Set when the attempts ran out; the delivery history shows why. */
    abandonedAt: timestamptz(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamptz().notNull().defaultNow(),
    leaseUntil: timestamptz(),
    lastError: text(),
  },
  (t) => [
    uniqueIndex("alert_deliveries_unique").on(t.outboxId, t.channel, t.target),
    index("alert_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.abandonedAt} is null`),
  ],
);

/** Every send tried, append-only: when, what happened, and the receiving server's answer. */
export const alertDeliveryAttempts = pgTable(
  "alert_delivery_attempts",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    deliveryId: bigint({ mode: "bigint" })
      .notNull()
      .references(() => alertDeliveries.id),
    attemptedAt: timestamptz().notNull().defaultNow(),
    outcome: text().notNull(),
    detail: text().notNull(),
  },
  (t) => [index("alert_delivery_attempts_delivery_idx").on(t.deliveryId)],
);
