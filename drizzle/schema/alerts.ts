import { sql } from "drizzle-orm";
import { bigint, index, integer, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { users } from "./auth";

/**
 * Alerts raised by a change, written in the same transaction as the change (an outbox): one row
 * per rule and item (dedupe_key), so raising it twice is a no-op. A leased worker delivers each
 * row to its channels and marks it delivered; a failed delivery is retried at next_attempt_at.
 */
export const alertOutbox = pgTable(
  "alert_outbox",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    /** Which rule raised it, e.g. "refund_expired". */
    rule: text().notNull(),
    /** One alert per rule and item, e.g. "refund_expired:<refund id>". */
    dedupeKey: text().notNull(),
    subjectType: text().notNull(),
    subjectId: text().notNull(),
    /** One sentence in the user's words, and where to act on it. */
    title: text().notNull(),
    body: text().notNull(),
    href: text().notNull(),
    raisedAt: timestamptz().notNull().defaultNow(),
    deliveredAt: timestamptz(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamptz().notNull().defaultNow(),
    leaseUntil: timestamptz(),
    lastError: text(),
  },
  (t) => [
    uniqueIndex("alert_outbox_dedupe_unique").on(t.dedupeKey),
    index("alert_outbox_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null`),
  ],
);

/** The in-app notification centre: one row per alert and person it was delivered to. */
export const notifications = pgTable(
  "notifications",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: uuid()
      .notNull()
      .references(() => users.id),
    outboxId: bigint({ mode: "bigint" })
      .notNull()
      .references(() => alertOutbox.id),
    title: text().notNull(),
    body: text().notNull(),
    href: text().notNull(),
    createdAt: timestamptz().notNull().defaultNow(),
    readAt: timestamptz(),
  },
  (t) => [
    uniqueIndex("notifications_user_alert_unique").on(t.userId, t.outboxId),
    index("notifications_user_idx").on(t.userId, t.id),
    index("notifications_unread_idx")
      .on(t.userId)
      .where(sql`${t.readAt} is null`),
  ],
);
