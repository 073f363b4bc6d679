import { and, count, desc, eq, gte, inArray, lt, sql, type SQL } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import { z } from "zod";
import { users } from "@/drizzle/schema/auth";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refunds, refundStatuses } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/db/types";
import { decodeCursor, encodeCursor, newestCursorField } from "@/lib/payments/list/cursor";
import { isFinalRefundStatus, type RefundStatus } from "./refund-status";

export const refundAgeBuckets = ["lt1h", "lt1d", "1to3d", "3to7d", "gt7d"] as const;
export type RefundAgeBucket = (typeof refundAgeBuckets)[number];
export const refundAgeLabels: Record<RefundAgeBucket, string> = { lt1h: "< 1 h", lt1d: "< 1 d", "1to3d": "1–3 d", "3to7d": "3–7 d", gt7d: "> 7 d" };

const hour = 3_600_000;
const day = 24 * hour;
/** [from, to) ages in ms of each bucket. */
const bucketRanges: Record<RefundAgeBucket, [number, number]> = {
  lt1h: [0, hour],
  lt1d: [hour, day],
  "1to3d": [day, 3 * day],
  "3to7d": [3 * day, 7 * day],
  gt7d: [7 * day, Number.POSITIVE_INFINITY],
};

/** [OURS] When a refund has waited longer than its provider usually takes, ops should look at it. */
export const overdueAfterMs = { checkoutPending: hour, octoPending: 30 * 60_000, unknown: 5 * 60_000 } as const;
/** Octopus card refunds approved but not collected within 90 days expire. */
export const octopusCollectionDays = 90;

/**
 * Refunds still waiting on someone: not final, and not approved. An approved refund has the
 * money with the customer's card or wallet; the only change left to an approved Octopus card
 * refund is expiry, which its collection countdown shows, so it would only crowd the buckets.
 */
export const awaitingStatuses = refundStatuses.filter((status) => !isFinalRefundStatus(status) && status !== "approved");
const settledStatuses = refundStatuses.filter((status) => !awaitingStatuses.includes(status));
const refundProviders = ["checkout", "octo"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === "" ? undefined : v), z.enum(values, { error: `must be one of ${values.join(", ")}` }).optional());

export const refundMonitorFiltersSchema = z.object({
  status: optionalEnum(refundStatuses),
  provider: optionalEnum(["checkout", "octo"] as const),
  age: optionalEnum(refundAgeBuckets),
  cursor: newestCursorField.optional(),
});
export type RefundMonitorFilters = Partial<z.infer<typeof refundMonitorFiltersSchema>>;

export interface MonitorRow {
  id: string;
  paymentId: string;
  paymentReference: string;
  provider: "checkout" | "octo";
  status: RefundStatus;
  amountMinor: bigint;
  currency: string;
  requesterEmail: string | null;
  providerStatus: string | null;
  providerResponseCode: string | null;
  createdAt: Date;
  statusChangedAt: Date;
  lastCheckedAt: Date | null;
  nextCheckAt: Date | null;
  lastEvent: { kind: string; source: string; at: Date } | null;
  overdue: boolean;
  /** Approved Octopus card refunds: whole days left to collect it (negative: past due). */
  expiresInDays: number | null;
}

export function isOverdue(row: { provider: "checkout" | "octo"; status: RefundStatus; statusChangedAt: Date }, now: Date): boolean {
  const waited = now.getTime() - row.statusChangedAt.getTime();
  if (row.status === "unknown") return waited > overdueAfterMs.unknown;
  if (row.status === "pending" || row.status === "requested") return waited > (row.provider === "checkout" ? overdueAfterMs.checkoutPending : overdueAfterMs.octoPending);
  return false;
}

export function expiresInDays(row: { provider: "checkout" | "octo"; status: RefundStatus; statusChangedAt: Date }, now: Date): number | null {
  if (row.provider !== "checkout" || row.status !== "approved") return null;
  const expiresAt = row.statusChangedAt.getTime() + octopusCollectionDays * day;
  return Math.ceil((expiresAt - now.getTime()) / day);
}

function ageCondition(bucket: RefundAgeBucket, now: Date): SQL | undefined {
  const [from, to] = bucketRanges[bucket];
  const newest = new Date(now.getTime() - from);
  const conditions = [inArray(refunds.status, awaitingStatuses), lt(refunds.createdAt, newest)];
  if (Number.isFinite(to)) conditions.push(gte(refunds.createdAt, new Date(now.getTime() - to)));
  return and(...conditions);
}

const pageSize = 50;

/**
 * Final and approved refunds are counted up to this many per status and provider, then shown
 * as "1,000+": the cost of a cell is bounded by the cap, whatever the history holds.
 */
export const settledCountCap = 1_000;

export interface StatusCount {
  status: RefundStatus;
  provider: "checkout" | "octo";
  count: number;
  /** Only settled counts are capped: true means "more than settledCountCap". */
  capped: boolean;
}

const ageWindowMs = bucketRanges["3to7d"][1];

/** Which age bucket a refund younger than ageWindowMs falls in; "future" for rows created after `now`. */
function recentBucketOf(now: Date): SQL<string> {
  const at = (msAgo: number) => sql`${new Date(now.getTime() - msAgo).toISOString()}::timestamptz`;
  const youngest = refundAgeBuckets.filter((bucket) => Number.isFinite(bucketRanges[bucket][1]));
  return sql<string>`case when ${refunds.createdAt} >= ${at(0)} then 'future' ${sql.join(
    youngest.map((bucket) => sql`when ${refunds.createdAt} >= ${at(bucketRanges[bucket][1])} then ${sql.raw(`'${bucket}'`)}`),
    sql` `,
  )} end`;
}

/**
 * Open refunds (awaiting someone), exact, in one statement (one snapshot) over the
 * (status, provider, created_at) index: totals per status and provider, and the rows younger
 * than a week by age bucket; the oldest bucket is the total less those, so the long tail of
 * old open refunds is counted once, not once per bucket.
 */
async function openCounts(db: DbOrTx, now: Date) {
  const open = inArray(refunds.status, awaitingStatuses);
  const totals = db.select({ status: refunds.status, provider: refunds.provider, bucket: sql<string>`'all'`, n: count() }).from(refunds).where(open).groupBy(refunds.status, refunds.provider);
  const recent = db
    .select({ status: refunds.status, provider: refunds.provider, bucket: recentBucketOf(now), n: count() })
    .from(refunds)
    .where(and(open, gte(refunds.createdAt, new Date(now.getTime() - ageWindowMs))))
    .groupBy(refunds.status, refunds.provider, sql`3`);
  const rows = await unionAll(totals, recent);
  const counts: StatusCount[] = rows.filter((row) => row.bucket === "all").map((row) => ({ status: row.status, provider: row.provider, count: row.n, capped: false }));
  const sumOf = (bucket: string | null) => rows.filter((row) => bucket === null || row.bucket === bucket).reduce((sum, row) => sum + row.n, 0);
  const total = sumOf("all");
  const youngerThanWindow = sumOf(null) - total;
  const ages = Object.fromEntries(refundAgeBuckets.map((bucket) => [bucket, Number.isFinite(bucketRanges[bucket][1]) ? sumOf(bucket) : total - youngerThanWindow])) as Record<RefundAgeBucket, number>;
  return { counts, ages };
}

/**
 * Final and approved refunds grow without end, so each status × provider cell reads at most
 * settledCountCap + 1 index entries (G6: no exact count over an unbounded set in a page render).
 */
async function settledCounts(db: DbOrTx): Promise<StatusCount[]> {
  const cells = settledStatuses.flatMap((status) => refundProviders.map((provider) => ({ status, provider })));
  const [first, second, ...rest] = cells.map(({ status, provider }, index) => {
    const capped = db
      .select({ one: sql<number>`1`.as("one") })
      .from(refunds)
      .where(and(eq(refunds.status, status), eq(refunds.provider, provider)))
      .limit(settledCountCap + 1)
      .as(`cell${index}`);
    return db.select({ cell: sql<number>`${sql.raw(String(index))}`.mapWith(Number), n: count() }).from(capped);
  });
  const rows = await unionAll(first!, second!, ...rest);
  return rows.flatMap((row) => {
    const cell = cells[row.cell];
    if (!cell || row.n === 0) return [];
    return [{ ...cell, count: Math.min(row.n, settledCountCap), capped: row.n > settledCountCap }];
  });
}

/** Counts per status and provider (open exact, settled capped), age buckets of open refunds, and one keyset page of refunds. */
export async function loadRefundMonitor(db: DbOrTx, filters: RefundMonitorFilters, now: Date) {
  const [{ counts: open, ages }, settled, page] = await Promise.all([openCounts(db, now), settledCounts(db), loadMonitorPage(db, filters, now)]);
  return { counts: [...open, ...settled], ages, ...page };
}

/** One keyset page of refunds, newest first, with each one's last event. */
async function loadMonitorPage(db: DbOrTx, filters: RefundMonitorFilters, now: Date) {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(refunds.status, filters.status));
  if (filters.provider) conditions.push(eq(refunds.provider, filters.provider));
  if (filters.age) {
    const condition = ageCondition(filters.age, now);
    if (condition) conditions.push(condition);
  }
  let cursorError: string | null = null;
  if (filters.cursor) {
    const decoded = decodeCursor(filters.cursor, "newest");
    if (decoded.ok && "createdAt" in decoded.cursor) conditions.push(sql`(${refunds.createdAt}, ${refunds.id}) < (${decoded.cursor.createdAt}::timestamptz, ${decoded.cursor.id}::uuid)`);
    else cursorError = "cursor is not a valid page cursor";
  }
  const requester = alias(users, "requester");
  const rows = await db
    .select({
      refund: refunds,
      paymentReference: payments.reference,
      requesterEmail: requester.email,
      createdAtExact: sql<string>`to_char(${refunds.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .leftJoin(requester, eq(requester.id, refunds.requestedBy))
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(refunds.createdAt), desc(refunds.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  const nextCursor = rows.length > pageSize && last ? encodeCursor({ sort: "newest", createdAt: last.createdAtExact, id: last.refund.id }) : null;
  const lastEvents = await lastEventsOf(
    db,
    page.map((row) => row.refund.id),
  );
  const view: MonitorRow[] = page.map(({ refund, paymentReference, requesterEmail }) => ({
    id: refund.id,
    paymentId: refund.paymentId,
    paymentReference,
    provider: refund.provider,
    status: refund.status,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    requesterEmail,
    providerStatus: refund.providerStatus,
    providerResponseCode: refund.providerResponseCode,
    createdAt: refund.createdAt,
    statusChangedAt: refund.statusChangedAt,
    lastCheckedAt: refund.lastCheckedAt,
    nextCheckAt: refund.nextCheckAt,
    lastEvent: lastEvents.get(refund.id) ?? null,
    overdue: isOverdue(refund, now),
    expiresInDays: expiresInDays(refund, now),
  }));
  return { rows: view, nextCursor, cursorError };
}

async function lastEventsOf(db: DbOrTx, refundIds: string[]): Promise<Map<string, { kind: string; source: string; at: Date }>> {
  if (refundIds.length === 0) return new Map();
  const events = await db
    .selectDistinctOn([refundEvents.refundId], { refundId: refundEvents.refundId, kind: refundEvents.kind, source: refundEvents.source, at: refundEvents.at })
    .from(refundEvents)
    .where(inArray(refundEvents.refundId, refundIds))
    .orderBy(refundEvents.refundId, desc(refundEvents.id));
  return new Map(events.map((e) => [e.refundId, { kind: e.kind, source: e.source, at: e.at }]));
}

export interface ApprovalQueueRow {
  id: string;
  paymentId: string;
  paymentReference: string;
  amountMinor: bigint;
  currency: string;
  reason: string;
  note: string | null;
  requestedBy: string | null;
  requesterEmail: string | null;
  createdAt: Date;
  /** The payment's captured amount minus every refund holding money now (what approval re-checks against). */
  paymentRefundableMinor: bigint;
}

/** Refunds waiting for a second person, oldest first, with what their payment still has to refund. */
export async function loadApprovalQueue(db: DbOrTx): Promise<ApprovalQueueRow[]> {
  return db
    .select({
      id: refunds.id,
      paymentId: refunds.paymentId,
      paymentReference: payments.reference,
      amountMinor: refunds.amountMinor,
      currency: refunds.currency,
      reason: refunds.reason,
      note: refunds.note,
      requestedBy: refunds.requestedBy,
      requesterEmail: users.email,
      createdAt: refunds.createdAt,
      paymentRefundableMinor: sql<bigint>`greatest(${payments.capturedMinor} - ${payments.refundReservedMinor}, 0)`.mapWith(BigInt),
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .leftJoin(users, eq(users.id, refunds.requestedBy))
    .where(eq(refunds.status, "awaiting_approval"))
    .orderBy(refunds.createdAt, refunds.id)
    .limit(100);
}
