import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgSchema, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";

const timestamptz = () => timestamp({ withTimezone: true, mode: "date" });

/**
 * The provider simulators' own state, in its own Postgres schema, never mixed with the ledger.
 * Simulated provider objects (payments, refunds, orders, wallets, tokens, idempotency records)
 * are JSON documents: the simulators' shapes follow the providers' wire formats, which change
 * more often than our ledger does, and need no migration to evolve. The sandbox migrates them
 * itself (lib/integrations/sandbox/db/migrate.ts), apart from the product's chain.
 */
export const sandbox = pgSchema("sandbox");

export const sandboxDocuments = sandbox.table(
  "documents",
  {
    seq: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text().notNull(),
    kind: text().notNull(),
    id: text().notNull(),
    /** A second unique key within (provider, kind), e.g. an idempotency key or a client reference. */
    lookupKey: text(),
    /** A non-unique parent key, e.g. the payment a refund belongs to. */
    groupKey: text(),
    data: jsonb().notNull(),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("sandbox_documents_id_unique").on(t.provider, t.kind, t.id),
    uniqueIndex("sandbox_documents_lookup_unique")
      .on(t.provider, t.kind, t.lookupKey)
      .where(sql`${t.lookupKey} is not null`),
    index("sandbox_documents_group_idx").on(t.provider, t.kind, t.groupKey, t.seq),
  ],
);

/** One row: how far the sandbox clock runs ahead of real time. */
export const sandboxClock = sandbox.table("clock", {
  id: integer().primaryKey(),
  offsetMs: bigint({ mode: "number" }).notNull().default(0),
});

export const sandboxFaults = sandbox.table(
  "faults",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text().notNull(),
    method: text(),
    /** Matches when the provider-relative path contains this text. */
    pathContains: text(),
    kind: text().notNull(),
    delayMs: integer(),
    remaining: integer().notNull().default(1),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [index("sandbox_faults_provider_idx").on(t.provider, t.id)],
);

/** Time-based outcomes (refund settles, topup delivers, refund expires) due at a sandbox time. */
export const sandboxScheduledEvents = sandbox.table(
  "scheduled_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text().notNull(),
    kind: text().notNull(),
    dueAt: timestamptz().notNull(),
    payload: jsonb().notNull(),
    doneAt: timestamptz(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    index("sandbox_scheduled_events_due_idx")
      .on(t.dueAt)
      .where(sql`${t.doneAt} is null`),
  ],
);

/** Outgoing webhooks and callbacks, retried on each provider's schedule in sandbox time. */
export const sandboxWebhookDeliveries = sandbox.table(
  "webhook_deliveries",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text().notNull(),
    eventId: text().notNull(),
    eventType: text().notNull(),
    url: text().notNull(),
    headers: jsonb().$type<Record<string, string>>().notNull(),
    body: text().notNull(),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamptz(),
    deliveredAt: timestamptz(),
    abandonedAt: timestamptz(),
    lastStatus: integer(),
    lastError: text(),
    createdAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [
    index("sandbox_webhook_deliveries_due_idx")
      .on(t.nextAttemptAt)
      .where(sql`${t.deliveredAt} is null and ${t.abandonedAt} is null`),
    index("sandbox_webhook_deliveries_event_idx").on(t.provider, t.eventId),
  ],
);
