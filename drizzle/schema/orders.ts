import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
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

export const orderVerticals = ["voucher", "topup", "esim"] as const;
export const orderVerticalEnum = pgEnum("order_vertical", orderVerticals);

/**
 * placing: our row and client_reference are stored, the provider has not answered; unknown: no
 * answer we can trust (resolved by looking the client_reference up, never by ordering again);
 * pending → delivered | partially_delivered | failed | cancelled as the provider reports.
 */
export const orderStatuses = [
  "placing",
  "unknown",
  "pending",
  "delivered",
  "partially_delivered",
  "failed",
  "cancelled",
] as const;
export const orderStatusEnum = pgEnum("order_status", orderStatuses);

export const orders = pgTable(
  "orders",
  {
    id: uuid().primaryKey().defaultRandom(),
    vertical: orderVerticalEnum().notNull(),
    status: orderStatusEnum().notNull(),
    /** Stored before the provider is called; the provider refuses a second order with it. */
    clientReference: text().notNull(),
    providerOrderId: integer(),
    providerStatus: text(),
    productId: integer().notNull(),
    productName: text().notNull(),
    variantId: integer(),
    quantity: integer().notNull().default(1),
    /** The face value ordered (product currency), e.g. a HK$100 voucher. */
    faceValueMinor: bigint({ mode: "bigint" }).notNull(),
    faceValueCurrency: char({ length: 3 }).notNull(),
    walletId: integer().notNull(),
    /** What the wallet pays (wallet currency): the quote, then the provider's actual deduction. */
    chargeMinor: bigint({ mode: "bigint" }).notNull(),
    chargeCurrency: char({ length: 3 }).notNull(),
    /** Phone number, input fields, notification email: what the order was placed with (no secrets). */
    details: jsonb().$type<Record<string, unknown>>().notNull().default({}),
    failureCode: text(),
    failureReason: text(),
    isUserFixable: boolean(),
    /** The failed order this one retries (edit and retry with a new client_reference). */
    retryOf: uuid(),
    placedBy: uuid().references(() => users.id),
    createdAt: timestamptz().notNull().defaultNow(),
    updatedAt: timestamptz().notNull().defaultNow(),
    statusChangedAt: timestamptz().notNull().defaultNow(),
    nextCheckAt: timestamptz(),
    checkAttempts: integer().notNull().default(0),
    leaseUntil: timestamptz(),
    /** Money given back to the wallet for this order (refunds and released debits), kept with each such movement. */
    refundedMinor: bigint({ mode: "bigint" })
      .notNull()
      .default(sql`0`),
    /** Items the provider delivered (vouchers: codes issued), when it says; a partial delivery has fewer than quantity. */
    deliveredQuantity: integer(),
    /** eSIM: the card's ICCID (not a secret), kept once seen: the provider stops returning it after installation. */
    esimIccid: text(),
    /** eSIM: NOT_INSTALLED | ACTIVE | EXPIRED as last seen from the provider, with when it was installed. */
    esimActivationStatus: text(),
    esimInstalledAt: timestamptz(),
  },
  (t) => [
    uniqueIndex("orders_client_reference_unique").on(t.clientReference),
    uniqueIndex("orders_provider_order_unique")
      .on(t.vertical, t.providerOrderId)
      .where(sql`${t.providerOrderId} is not null`),
    index("orders_created_idx").on(t.createdAt, t.id),
    index("orders_vertical_created_idx").on(t.vertical, t.createdAt, t.id),
    index("orders_status_created_idx").on(t.status, t.createdAt, t.id),
    // "Has this failed order been retried?" (the overview's orders to retry) without a scan.
    index("orders_retry_of_idx")
      .on(t.retryOf)
      .where(sql`${t.retryOf} is not null`),
    index("orders_next_check_idx")
      .on(t.nextCheckAt)
      .where(sql`${t.nextCheckAt} is not null`),
    check("orders_quantity_positive", sql`${t.quantity} > 0`),
    check("orders_charge_positive", sql`${t.chargeMinor} > 0`),
    check("orders_refunded_not_negative", sql`${t.refundedMinor} >= 0`),
  ],
);

export const orderEventSources = ["merchant", "api_call", "provider_webhook", "provider_poll", "system"] as const;
export const orderEventSourceEnum = pgEnum("order_event_source", orderEventSources);

/** An order's timeline: placed, debited, each status change, refund (append-only). */
export const orderEvents = pgTable(
  "order_events",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    orderId: uuid()
      .notNull()
      .references(() => orders.id),
    at: timestamptz().notNull().defaultNow(),
    source: orderEventSourceEnum().notNull(),
    kind: text().notNull(),
    actorUserId: uuid().references(() => users.id),
    fromStatus: orderStatusEnum(),
    toStatus: orderStatusEnum(),
    detail: jsonb().$type<Record<string, unknown>>(),
  },
  (t) => [index("order_events_order_idx").on(t.orderId, t.id)],
);

export const walletMovementKinds = [
  "opening_balance",
  "order_debit",
  "order_debit_released",
  "order_refund",
  "charge_adjustment",
  "wallet_credit",
] as const;
export const walletMovementKindEnum = pgEnum("wallet_movement_kind", walletMovementKinds);

/** Our balance of each prepaid wallet: only ever changed together with a movement row. */
export const walletBalances = pgTable(
  "wallet_balances",
  {
    walletId: integer().primaryKey(),
    currency: char({ length: 3 }).notNull(),
    balanceMinor: bigint({ mode: "bigint" }).notNull(),
    updatedAt: timestamptz().notNull().defaultNow(),
  },
  (t) => [check("wallet_balances_never_negative", sql`${t.balanceMinor} >= 0`)],
);

/**
 * The wallet ledger: every movement with the balance after it (append-only). A balance is the
 * sum of its movements; balance_after never goes below zero for a prepaid wallet.
 */
export const walletMovements = pgTable(
  "wallet_movements",
  {
    id: bigint({ mode: "bigint" }).primaryKey().generatedAlwaysAsIdentity(),
    walletId: integer()
      .notNull()
      .references(() => walletBalances.walletId),
    currency: char({ length: 3 }).notNull(),
    kind: walletMovementKindEnum().notNull(),
    amountMinor: bigint({ mode: "bigint" }).notNull(),
    balanceAfterMinor: bigint({ mode: "bigint" }).notNull(),
    orderId: uuid().references(() => orders.id),
    providerTransactionId: integer(),
    at: timestamptz().notNull().defaultNow(),
    actorUserId: uuid().references(() => users.id),
    note: text(),
  },
  (t) => [
    index("wallet_movements_wallet_idx").on(t.walletId, t.id),
    // The overview's 30-day spend and runway per wallet read a time range, not the whole history.
    index("wallet_movements_wallet_at_idx").on(t.walletId, t.at),
    index("wallet_movements_order_idx").on(t.orderId),
    uniqueIndex("wallet_movements_provider_transaction_unique")
      .on(t.walletId, t.providerTransactionId)
      .where(sql`${t.providerTransactionId} is not null`),
    check("wallet_movements_nonzero", sql`${t.amountMinor} <> 0`),
    check("wallet_movements_balance_never_negative", sql`${t.balanceAfterMinor} >= 0`),
  ],
);

/** Admin-set low-balance warning per currency. */
export const walletLowBalanceThresholds = pgTable("wallet_low_balance_thresholds", {
  currency: char({ length: 3 }).primaryKey(),
  amountMinor: bigint({ mode: "bigint" }).notNull(),
  updatedBy: uuid().references(() => users.id),
  updatedAt: timestamptz().notNull().defaultNow(),
});
