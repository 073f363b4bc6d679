import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  char,
  check,
  index,
  jsonb,
  numeric,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { users } from "./auth";

export const paymentProviders = ["checkout", "octo"] as const;
export type PaymentProviderName = (typeof paymentProviders)[number];
/**
 * A provider's name, as text: the set of providers is the code's registry (lib/integrations/providers), so
 * adding one needs no migration. Every writer validates the name through that registry first.
 */
export const paymentProviderColumn = () => text().$type<PaymentProviderName>();

/**
 * How a payment reached the ledger: one of the request flows its provider's profile names
 * (lib/integrations/providers), or this, when it was first seen at the provider. Text, so a
 * provider's new flow needs no migration.
 */
export const externalPaymentFlow = "external";

/**
 * One status model for both providers (the provider's own word is kept in provider_status):
 * requested (our row exists, the provider has not answered) → pending (waiting for the
 * customer) → authorized (OCTO two-stage hold) → captured | declined | canceled | expired,
 * or failed (the provider refused our request). See lib/domain/payments/payment-status.ts.
 */
export const paymentStatuses = [
  "requested",
  "pending",
  "authorized",
  "captured",
  "declined",
  "canceled",
  "expired",
  "failed",
] as const;
export const paymentStatusEnum = pgEnum("payment_status", paymentStatuses);

export const payments = pgTable(
  "payments",
  {
    id: uuid().primaryKey().defaultRandom(),
    provider: paymentProviderColumn().notNull(),
    flow: text().notNull(),
    status: paymentStatusEnum().notNull(),
    providerStatus: text(),
    /** pay_… (Checkout.com) or the OCTO payment UUID; null until the provider has answered. */
    providerPaymentId: text(),
    /** set_… when the Checkout.com Payment Setup flow was used. */
    providerSetupId: text(),
    /** Our reference (Checkout.com `reference`, OCTO `shop_transaction_id`). */
    reference: text().notNull(),
    /** Stored before the provider is called and sent with the request; unique per provider. */
    idempotencyKey: text(),
    amountMinor: bigint({ mode: "bigint" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    capturedMinor: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    /**
     * Sum of this payment's refunds that hold money (requested, pending, unknown, approved,
     * needs_attention). Changed only with a refund's status, in the same transaction; the check
     * below is the database's last line of defence against refunding more than was captured.
     */
    refundReservedMinor: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    /**
     * Sum of this payment's approved refunds (the money the provider has sent back), a part of
     * refund_reserved_minor. Changed only with a refund's status, in the same transaction
     * (lib/domain/refunds/transition-refund.ts), so lists, totals and exports read it without a join.
     */
    refundedMinor: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    description: text(),
    customerEmail: text(),
    customerName: text(),
    landingUrl: text(),
    octopusUri: text(),
    createdBy: uuid().references(() => users.id),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    statusChangedAt: timestamptz().notNull().defaultNow(),
    /**
     * What the latest sync found this payment's provider saying differently and left as it was
     * ("status", "amount", …), set in the sync's own transaction; null when that sync agreed (or
     * changed what differed), or none was made. The overview counts these per provider.
     */
    syncDisagreement: text().array(),
  },
  (t) => [
    // Few rows: only payments whose latest sync disagreed. Keyset order, like the list's indexes.
    index("payments_sync_disagreement_idx")
      .on(t.provider, t.createdAt, t.id)
      .where(sql`${t.syncDisagreement} is not null`),
    uniqueIndex("payments_provider_payment_id_unique")
      .on(t.provider, t.providerPaymentId)
      .where(sql`${t.providerPaymentId} is not null`),
    uniqueIndex("payments_idempotency_key_unique")
      .on(t.provider, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} is not null`),
    // OCTO knows a payment only by its shop_transaction_id, which is our reference.
    uniqueIndex("payments_octo_reference_unique")
      .on(t.reference)
      .where(sql`${t.provider} = 'octo'`),
    // The payments list (lib/domain/payments/list): every filter × sort combination is proven
    // index-backed by lib/domain/payments/list/list-plan.int.test.ts. Keyset indexes are ascending on
    // purpose: scanned forwards or backwards they give ORDER BY … ASC and … DESC with the
    // default null ordering; a DESC index (DESC NULLS LAST) matches neither and forces a sort.
    index("payments_created_idx").on(t.createdAt, t.id),
    index("payments_status_created_idx").on(t.status, t.createdAt, t.id),
    index("payments_provider_created_idx").on(t.provider, t.createdAt, t.id),
    // amount_minor last: a currency + amount range walked newest first checks the amount on the
    // index entry (an Index Cond), not by fetching every row the range skips.
    index("payments_currency_created_amount_idx").on(t.currency, t.createdAt, t.id, t.amountMinor),
    index("payments_reference_idx").on(t.reference),
    index("payments_amount_idx").on(t.amountMinor, t.id),
    index("payments_currency_amount_idx").on(t.currency, t.amountMinor, t.id),
    // Prefix search (LIKE 'abc%'), case-insensitive, under any database collation.
    index("payments_provider_payment_id_search_idx").using(
      "btree",
      sql`lower(${t.providerPaymentId}) text_pattern_ops`,
    ),
    index("payments_customer_email_search_idx").using("btree", sql`lower(${t.customerEmail}) text_pattern_ops`),
    index("payments_reference_search_idx").using("btree", sql`lower(${t.reference}) text_pattern_ops`),
    index("payments_customer_name_search_idx").using("btree", sql`lower(${t.customerName}) text_pattern_ops`),
    // Suffix search ("ends with 1234") is a prefix search on the reversed reference.
    index("payments_reference_suffix_search_idx").using("btree", sql`reverse(lower(${t.reference})) text_pattern_ops`),
    check("payments_amount_positive", sql`${t.amountMinor} > 0`),
    check("payments_captured_within_amount", sql`${t.capturedMinor} >= 0 and ${t.capturedMinor} <= ${t.amountMinor}`),
    check(
      "payments_refunds_within_captured",
      sql`${t.refundReservedMinor} >= 0 and ${t.refundReservedMinor} <= ${t.capturedMinor}`,
    ),
    check(
      "payments_refunded_within_reserved",
      sql`${t.refundedMinor} >= 0 and ${t.refundedMinor} <= ${t.refundReservedMinor}`,
    ),
  ],
);

export const paymentEventSources = ["provider_webhook", "provider_poll", "api_call", "staff", "system"] as const;
export const paymentEventSourceEnum = pgEnum("payment_event_source", paymentEventSources);

/** The payment's timeline: append-only (trigger), one row per thing that happened, with who and when. */
export const paymentEvents = pgTable(
  "payment_events",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    at: timestamptz().notNull().defaultNow(),
    source: paymentEventSourceEnum().notNull(),
    kind: text().notNull(),
    actorUserId: uuid().references(() => users.id),
    fromStatus: paymentStatusEnum(),
    toStatus: paymentStatusEnum(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index("payment_events_payment_idx").on(t.paymentId, t.id)],
);

export const webhookSignatureVerdicts = ["valid", "invalid", "missing"] as const;
export const webhookSignatureVerdictEnum = pgEnum("webhook_signature_verdict", webhookSignatureVerdicts);

export const webhookOutcomes = ["applied", "duplicate", "rejected", "ignored_out_of_order", "ignored"] as const;
export const webhookOutcomeEnum = pgEnum("webhook_outcome", webhookOutcomes);

/**
 * Every webhook/callback delivery received, whatever became of it (append-only). The first valid
 * delivery of an event id is the one applied: a unique partial index makes a concurrent second
 * delivery of the same event fail to claim it, and it is recorded as a duplicate.
 */
export const webhookReceipts = pgTable(
  "webhook_receipts",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    provider: text().notNull(),
    receivedAt: timestamptz().notNull().defaultNow(),
    eventId: text(),
    eventType: text(),
    signature: webhookSignatureVerdictEnum().notNull(),
    outcome: webhookOutcomeEnum().notNull(),
    /** True on the one receipt per (provider, event id) that was applied or deliberately ignored. */
    isFirst: boolean().notNull().default(false),
    paymentId: uuid().references(() => payments.id),
    /** The body as received with every secret value replaced by "[redacted]" (lib/platform/security/redact.ts); cut short on sampled rejections. */
    rawBody: text().notNull(),
    /** SHA-256 (hex) of the body exactly as received, so a delivery can be matched to the provider's copy without storing its secrets. */
    rawBodySha256: text(),
    headers: jsonb().$type<Record<string, string>>().notNull(),
    detail: text(),
  },
  (t) => [
    uniqueIndex("webhook_receipts_first_unique")
      .on(t.provider, t.eventId)
      .where(sql`${t.isFirst}`),
    index("webhook_receipts_received_idx").on(t.receivedAt.desc(), t.id.desc()),
    index("webhook_receipts_payment_idx").on(t.paymentId, t.id),
  ],
);

/**
 * The money of the payments made in each 15-minute slot (by payments.created_at), per currency:
 * how many were captured, their captured and refunded amounts. Kept by triggers on payments in the
 * same statement as every change (migration 0023), so the overview reads a day or a month of any
 * ledger from a few thousand rows. 15 minutes, because every time zone's midnight falls on one.
 */
export const paymentMoneyBuckets = pgTable(
  "payment_money_buckets",
  {
    bucketStart: timestamptz().notNull(),
    currency: char({ length: 3 }).notNull(),
    capturedCount: bigint({ mode: "number" }).notNull().default(0),
    // numeric, not bigint: a slot adds up many payments, each up to bigint's limit (the payments
    // list's totals are numeric sums too, and the two must agree).
    capturedMinor: numeric({ precision: 38, scale: 0, mode: "bigint" })
      .notNull()
      .default(sql`0`),
    refundedMinor: numeric({ precision: 38, scale: 0, mode: "bigint" })
      .notNull()
      .default(sql`0`),
  },
  (t) => [primaryKey({ columns: [t.bucketStart, t.currency] })],
);
