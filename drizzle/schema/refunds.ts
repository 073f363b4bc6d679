import { sql } from "drizzle-orm";
import {
  bigint,
  char,
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { timestamptz } from "./columns";
import { users } from "./auth";
import { paymentProviderColumn, payments } from "./payments";

/**
 * One refund lifecycle for both providers (transition table in lib/domain/refunds/refund-status.ts):
 * awaiting_approval → requested → pending → approved | declined | expired | not_collected,
 * plus rejected (approval refused), unknown (outcome not known yet: money stays reserved),
 * failed (the provider refused the request) and needs_attention (a person must look).
 */
export const refundStatuses = [
  "awaiting_approval",
  "requested",
  "pending",
  "approved",
  "declined",
  "expired",
  "not_collected",
  "rejected",
  "unknown",
  "failed",
  "needs_attention",
] as const;
export const refundStatusEnum = pgEnum("refund_status", refundStatuses);

export const refundReasons = ["duplicate", "customer_request", "fraud", "product_issue", "other"] as const;
export const refundReasonEnum = pgEnum("refund_reason", refundReasons);

export const refunds = pgTable(
  "refunds",
  {
    id: uuid().primaryKey().defaultRandom(),
    paymentId: uuid()
      .notNull()
      .references(() => payments.id),
    provider: paymentProviderColumn().notNull(),
    status: refundStatusEnum().notNull(),
    amountMinor: bigint({ mode: "bigint" }).notNull(),
    currency: char({ length: 3 }).notNull(),
    reason: refundReasonEnum().notNull(),
    note: text(),
    /** Stored before the provider is called: Checkout.com Cko-Idempotency-Key, OCTO shop_refund_id. */
    idempotencyKey: text().notNull(),
    /** Checkout.com action_id / OCTO refund_id, once the provider has said it. */
    providerRefundId: text(),
    providerStatus: text(),
    providerResponseCode: text(),
    providerResponseSummary: text(),
    requestedBy: uuid().references(() => users.id),
    /** The second person who approved or rejected it (maker-checker). */
    decidedBy: uuid().references(() => users.id),
    decisionNote: text(),
    attentionReason: text(),
    /**
     * When the provider decided the refund (approved, declined…), on the provider's own clock:
     * the sandbox clock in sandbox mode. Octopus's 90-day collection window counts from here.
     */
    providerDecidedAt: timestamptz(),
    /**
     * When the refund was first sent on its way (requested), on the provider's clock: Checkout.com's
     * 24-hour idempotency window, after which a resend could refund twice, counts from here.
     */
    providerRequestedAt: timestamptz(),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    statusChangedAt: timestamptz().notNull().defaultNow(),
    /** Reconciler: when to look at the provider next, how often it has, and who holds it now. */
    nextCheckAt: timestamptz(),
    checkAttempts: integer().notNull().default(0),
    lastCheckedAt: timestamptz(),
    leaseUntil: timestamptz(),
  },
  (t) => [
    uniqueIndex("refunds_idempotency_key_unique").on(t.provider, t.idempotencyKey),
    uniqueIndex("refunds_provider_refund_id_unique")
      .on(t.provider, t.providerRefundId)
      .where(sql`${t.providerRefundId} is not null`),
    index("refunds_payment_idx").on(t.paymentId, t.createdAt),
    index("refunds_status_created_idx").on(t.status, t.createdAt, t.id),
    // Monitor counts (lib/domain/refunds/monitor.ts): an index-only pass per status × provider.
    index("refunds_status_provider_created_idx").on(t.status, t.provider, t.createdAt),
    index("refunds_created_idx").on(t.createdAt, t.id),
    // Refund ageing (lib/domain/overview/refund-ageing.ts): the settled refunds that left the awaiting statuses in a window, index-only.
    index("refunds_status_changed_created_idx").on(t.status, t.statusChangedAt, t.createdAt),
    index("refunds_next_check_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} is not null`),
    check("refunds_amount_positive", sql`${t.amountMinor} > 0`),
    check(
      "refunds_decider_is_not_requester",
      sql`${t.decidedBy} is null or ${t.requestedBy} is null or ${t.decidedBy} <> ${t.requestedBy}`,
    ),
  ],
);

export const refundEventSources = [
  "staff",
  "api_call",
  "provider_webhook",
  "provider_poll",
  "sandbox_clock",
  "system",
] as const;
export const refundEventSourceEnum = pgEnum("refund_event_source", refundEventSources);

/** Every state change and provider fact of a refund, with time, source and actor (append-only). */
export const refundEvents = pgTable(
  "refund_events",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    refundId: uuid()
      .notNull()
      .references(() => refunds.id),
    at: timestamptz().notNull().defaultNow(),
    source: refundEventSourceEnum().notNull(),
    kind: text().notNull(),
    actorUserId: uuid().references(() => users.id),
    fromStatus: refundStatusEnum(),
    toStatus: refundStatusEnum(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index("refund_events_refund_idx").on(t.refundId, t.id)],
);

export const refundFollowUpStates = ["open", "done"] as const;
export const refundFollowUpStateEnum = pgEnum("refund_follow_up_state", refundFollowUpStates);

/**
 * What people did about a refund whose money never reached the customer (declined, expired, not
 * collected): a note and a follow-up task such as "refund by bank transfer", open or done.
 * Append-only: a task is closed by a newer row, so the latest row of a refund is where it stands.
 */
export const refundFollowUps = pgTable(
  "refund_follow_ups",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    refundId: uuid()
      .notNull()
      .references(() => refunds.id),
    at: timestamptz().notNull().defaultNow(),
    actorUserId: uuid()
      .notNull()
      .references(() => users.id),
    note: text().notNull(),
    task: text().notNull(),
    assigneeUserId: uuid().references(() => users.id),
    state: refundFollowUpStateEnum().notNull(),
  },
  (t) => [index("refund_follow_ups_refund_idx").on(t.refundId, t.id)],
);

/** Refunds above this amount (per currency) wait for a second person's approval. Set by admins. */
export const refundApprovalThresholds = pgTable("refund_approval_thresholds", {
  currency: char({ length: 3 }).primaryKey(),
  amountMinor: bigint({ mode: "bigint" }).notNull(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamptz().notNull().defaultNow(),
});
