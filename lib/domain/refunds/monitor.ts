import { and, asc, count, desc, eq, gte, inArray, lt, or, sql, type SQL } from "drizzle-orm";
import { alias, unionAll } from "drizzle-orm/pg-core";
import { z } from "zod";
import { users } from "@/drizzle/schema/auth";
import { paymentProviders, payments, type PaymentProviderName } from "@/drizzle/schema/payments";
import { refundEvents, refunds, refundStatuses } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { paymentProviderProfileFor } from "@/lib/integrations/providers/provider-profiles";
import { timeZoneParam } from "@/lib/platform/time-zone/display-zone";
import { decodeMonitorCursor, encodeMonitorCursor, monitorCursorField, type MonitorCursor } from "./monitor-cursor";
import { expiresInDays } from "./collection-window";
import { actionNeededCondition, countActionNeeded } from "./follow-up/count-action-needed";
import { isActionNeeded, loadFollowUps, type FollowUpView } from "./follow-up/load-follow-ups";
import { isFinalRefundStatus, type RefundStatus } from "./refund-status";

export const refundAgeBuckets = ["lt1h", "lt1d", "1to3d", "3to7d", "gt7d"] as const;
export type RefundAgeBucket = (typeof refundAgeBuckets)[number];
export const refundAgeLabels: Record<RefundAgeBucket, string> = {
  lt1h: "< 1 h",
  lt1d: "< 1 d",
  "1to3d": "1–3 d",
  "3to7d": "3–7 d",
  gt7d: "> 7 d",
};

const hour = 3_600_000;
const day = 24 * hour;
/**
 * The ages in ms of each bucket, counted as (from, to]: a refund is older than `from` and at most
 * `to` old (ageCondition and recentBucketOf compare created_at with now − from and now − to); one
 * created at `now` itself is in none yet.
 */
export const bucketRanges: Record<RefundAgeBucket, [number, number]> = {
  lt1h: [0, hour],
  lt1d: [hour, day],
  "1to3d": [day, 3 * day],
  "3to7d": [3 * day, 7 * day],
  gt7d: [7 * day, Number.POSITIVE_INFINITY],
};

/**
 * [OURS] When a refund has waited longer than its provider usually takes, ops should look at it:
 * an unknown outcome after this, a requested or pending refund after its provider's own time.
 */
export const unknownOverdueAfterMs = 5 * 60_000;

/**
 * Refunds still waiting on someone: not final, and not approved. An approved refund has the
 * money with the customer's card or wallet; the only change left to an approved Octopus card
 * refund is expiry, which its collection countdown shows, so it would only crowd the buckets.
 */
export const awaitingStatuses = refundStatuses.filter(
  (status) => !isFinalRefundStatus(status) && status !== "approved",
);
const settledStatuses = refundStatuses.filter((status) => !awaitingStatuses.includes(status));

/** Refunds that need someone: the money did not reach the customer (follow-up), or the provider is late (overdue). */
export const refundNeeds = ["follow_up", "overdue"] as const;
type RefundNeed = (typeof refundNeeds)[number];
export const refundNeedLabels: Record<RefundNeed, string> = {
  follow_up: "Follow-up: money not delivered",
  overdue: "Overdue at the provider",
};

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (v === "" ? undefined : v),
    z.enum(values, { error: `must be one of ${values.join(", ")}` }).optional(),
  );

export const refundMonitorFiltersSchema = z.object({
  status: optionalEnum(refundStatuses),
  provider: optionalEnum(paymentProviders),
  age: optionalEnum(refundAgeBuckets),
  need: optionalEnum(refundNeeds),
  cursor: monitorCursorField.optional(),
  /** How times are shown; not a filter. */
  tz: z.preprocess((v) => (v === "" ? undefined : v), timeZoneParam.optional()),
});
export type RefundMonitorFilters = Partial<z.infer<typeof refundMonitorFiltersSchema>>;

export interface MonitorRow {
  id: string;
  paymentId: string;
  paymentReference: string;
  /** The payment's captured and refunded amounts (its currency is the refund's), for its refund state and net. */
  paymentCapturedMinor: bigint;
  paymentRefundedMinor: bigint;
  provider: PaymentProviderName;
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
  /** Declined, expired or not collected, and nobody has recorded that it was refunded another way. */
  actionNeeded: boolean;
  /** The latest recorded follow-up, if any. */
  latestFollowUp: FollowUpView | null;
}

export function isOverdue(
  row: { provider: PaymentProviderName; status: RefundStatus; statusChangedAt: Date },
  now: Date,
): boolean {
  const waited = now.getTime() - row.statusChangedAt.getTime();
  if (row.status === "unknown") return waited > unknownOverdueAfterMs;
  if (row.status === "pending" || row.status === "requested")
    return waited > paymentProviderProfileFor(row.provider).refunds.pendingOverdueAfterMs;
  return false;
}

/** isOverdue as a condition, so a list of overdue refunds and its count are the same rows. */
export function overdueCondition(now: Date): SQL {
  const waitedLongerThan = (ms: number) => lt(refunds.statusChangedAt, new Date(now.getTime() - ms));
  return or(
    and(eq(refunds.status, "unknown"), waitedLongerThan(unknownOverdueAfterMs)),
    ...paymentProviders.map((provider) =>
      and(
        inArray(refunds.status, ["pending", "requested"]),
        eq(refunds.provider, provider),
        waitedLongerThan(paymentProviderProfileFor(provider).refunds.pendingOverdueAfterMs),
      ),
    ),
  )!;
}

function ageCondition(bucket: RefundAgeBucket, now: Date): SQL | undefined {
  const [from, to] = bucketRanges[bucket];
  const newest = new Date(now.getTime() - from);
  const conditions = [inArray(refunds.status, awaitingStatuses), lt(refunds.createdAt, newest)];
  if (Number.isFinite(to)) conditions.push(gte(refunds.createdAt, new Date(now.getTime() - to)));
  return and(...conditions);
}

/** Rows per page; also what one bulk Sync may name (syncRefundsInput), so "select all" always fits. */
export const monitorPageSize = 50;

/**
 * Final and approved refunds are counted up to this many per status and provider, then shown
 * as "1,000+": the cost of a cell is bounded by the cap, whatever the history holds. The
 * filtered list's own count is bounded the same way.
 */
export const settledCountCap = 1_000;

export interface StatusCount {
  status: RefundStatus;
  provider: PaymentProviderName;
  count: number;
  /** Only settled counts are capped: true means "more than settledCountCap". */
  capped: boolean;
}

/** The money of one status in one currency (never summed across currencies). */
export interface StatusTotal {
  status: RefundStatus;
  currency: string;
  amountMinor: bigint;
  /** True when not every refund of this status was added up (a capped count): the true total is at least this. */
  atLeast: boolean;
}

const ageWindowMs = bucketRanges["3to7d"][1];

/** Which age bucket a refund younger than ageWindowMs falls in; "future" for rows created after `now`. */
function recentBucketOf(now: Date): SQL<string> {
  const at = (msAgo: number) => sql`${new Date(now.getTime() - msAgo).toISOString()}::timestamptz`;
  const youngest = refundAgeBuckets.filter((bucket) => Number.isFinite(bucketRanges[bucket][1]));
  return sql<string>`case when ${refunds.createdAt} >= ${at(0)} then 'future' ${sql.join(
    youngest.map(
      (bucket) => sql`when ${refunds.createdAt} >= ${at(bucketRanges[bucket][1])} then ${sql.raw(`'${bucket}'`)}`,
    ),
    sql` `,
  )} end`;
}

const sumOfAmounts = sql<string>`sum(${refunds.amountMinor})::text`;

/** Adds a (status, currency, amount) row into per-status, per-currency totals. */
function addTotal(
  totals: StatusTotal[],
  status: RefundStatus,
  currency: string,
  amountMinor: bigint,
  atLeast: boolean,
) {
  const existing = totals.find((t) => t.status === status && t.currency === currency);
  if (existing) {
    existing.amountMinor += amountMinor;
    existing.atLeast ||= atLeast;
  } else totals.push({ status, currency, amountMinor, atLeast });
}

/**
 * Open refunds (awaiting someone), exact, in one statement (one snapshot) over the
 * (status, provider, created_at) index: totals per status, provider and currency (count and
 * money), and the rows younger than a week by age bucket; the oldest bucket is the total less
 * those, so the long tail of old open refunds is counted once, not once per bucket.
 */
export async function openRefundCounts(db: DbOrTx, now: Date) {
  const open = inArray(refunds.status, awaitingStatuses);
  const totals = db
    .select({
      status: refunds.status,
      provider: refunds.provider,
      currency: sql<string>`${refunds.currency}::text`,
      bucket: sql<string>`'all'`,
      n: count(),
      amount: sumOfAmounts,
    })
    .from(refunds)
    .where(open)
    .groupBy(refunds.status, refunds.provider, refunds.currency);
  const recent = db
    .select({
      status: refunds.status,
      provider: refunds.provider,
      currency: sql<string>`''::text`,
      bucket: recentBucketOf(now),
      n: count(),
      amount: sql<string>`'0'`,
    })
    .from(refunds)
    .where(and(open, gte(refunds.createdAt, new Date(now.getTime() - ageWindowMs))))
    .groupBy(refunds.status, refunds.provider, sql`4`);
  const rows = await unionAll(totals, recent);
  const counts: StatusCount[] = [];
  const money: StatusTotal[] = [];
  for (const row of rows.filter((r) => r.bucket === "all")) {
    const cell = counts.find((c) => c.status === row.status && c.provider === row.provider);
    if (cell) cell.count += row.n;
    else counts.push({ status: row.status, provider: row.provider, count: row.n, capped: false });
    addTotal(money, row.status, row.currency, BigInt(row.amount), false);
  }
  const sumOf = (bucket: string | null) =>
    rows.filter((row) => bucket === null || row.bucket === bucket).reduce((sum, row) => sum + row.n, 0);
  const total = sumOf("all");
  const youngerThanWindow = sumOf(null) - total;
  const ages = Object.fromEntries(
    refundAgeBuckets.map((bucket) => [
      bucket,
      Number.isFinite(bucketRanges[bucket][1]) ? sumOf(bucket) : total - youngerThanWindow,
    ]),
  ) as Record<RefundAgeBucket, number>;
  return { counts, ages, money };
}

/**
 * Final and approved refunds grow without end, so each status × provider cell reads at most
 * settledCountCap + 1 index entries, newest first (G6: no exact count over an unbounded set in a
 * page render). Money is added up over the same rows, so a capped cell's totals are lower bounds.
 */
async function settledCounts(db: DbOrTx): Promise<{ counts: StatusCount[]; money: StatusTotal[] }> {
  const cells = settledStatuses.flatMap((status) => paymentProviders.map((provider) => ({ status, provider })));
  const [first, second, ...rest] = cells.map(({ status, provider }, index) => {
    const capped = db
      .select({
        currency: sql<string>`${refunds.currency}::text`.as("currency"),
        amountMinor: sql<bigint>`${refunds.amountMinor}`.as("amount_minor"),
      })
      .from(refunds)
      .where(and(eq(refunds.status, status), eq(refunds.provider, provider)))
      .orderBy(desc(refunds.createdAt))
      .limit(settledCountCap + 1)
      .as(`cell${index}`);
    return db
      .select({
        cell: sql<number>`${sql.raw(String(index))}`.mapWith(Number),
        currency: sql<string>`${capped.currency}`,
        n: count(),
        amount: sql<string>`sum(${capped.amountMinor})::text`,
      })
      .from(capped)
      .groupBy(capped.currency);
  });
  const rows = await unionAll(first!, second!, ...rest);
  const perCell = new Map<number, number>();
  for (const row of rows) perCell.set(row.cell, (perCell.get(row.cell) ?? 0) + row.n);
  const counts = [...perCell].flatMap(([index, n]) => {
    const cell = cells[index];
    return cell && n > 0 ? [{ ...cell, count: Math.min(n, settledCountCap), capped: n > settledCountCap }] : [];
  });
  const money: StatusTotal[] = [];
  for (const row of rows) {
    const cell = cells[row.cell];
    if (cell)
      addTotal(money, cell.status, row.currency, BigInt(row.amount), (perCell.get(row.cell) ?? 0) > settledCountCap);
  }
  // A capped cell may hide currencies it never read: every total of that status is then a lower bound.
  const partial = new Set(counts.filter((c) => c.capped).map((c) => c.status));
  for (const total of money) total.atLeast ||= partial.has(total.status);
  return { counts, money };
}

/**
 * Counts per status and provider (open exact, settled capped), money per status and currency
 * (bounded the same way), age buckets of open refunds, how many refunds need action (capped), and
 * one keyset page of refunds with the number of refunds matching the filters (capped). `now` is
 * ours (ages, overdue); `providerNow` is the providers' clock (collection countdown).
 */
export async function loadRefundMonitor(db: DbOrTx, filters: RefundMonitorFilters, now: Date, providerNow: Date) {
  const [open, settled, actionNeeded, page] = await Promise.all([
    openRefundCounts(db, now),
    settledCounts(db),
    countActionNeeded(db, settledCountCap),
    loadMonitorPage(db, filters, now, providerNow),
  ]);
  const money = [...open.money, ...settled.money].sort(
    (a, b) =>
      refundStatuses.indexOf(a.status) - refundStatuses.indexOf(b.status) || a.currency.localeCompare(b.currency),
  );
  return { counts: [...open.counts, ...settled.counts], money, ages: open.ages, actionNeeded, ...page };
}

function filterConditions(filters: RefundMonitorFilters, now: Date): SQL[] {
  const conditions: SQL[] = [];
  if (filters.status) conditions.push(eq(refunds.status, filters.status));
  if (filters.provider) conditions.push(eq(refunds.provider, filters.provider));
  if (filters.age) {
    const condition = ageCondition(filters.age, now);
    if (condition) conditions.push(condition);
  }
  if (filters.need === "follow_up") conditions.push(actionNeededCondition());
  if (filters.need === "overdue") conditions.push(overdueCondition(now));
  return conditions;
}

/** How many refunds the monitor lists for these filters (exact up to settledCountCap): the overview's figures are these. */
export function countMonitorRefunds(db: DbOrTx, filters: RefundMonitorFilters, now: Date) {
  return matchingCount(db, filterConditions(filters, now));
}

/** How many refunds match the filters: exact up to settledCountCap, else "more than" it. */
async function matchingCount(db: DbOrTx, conditions: SQL[]): Promise<{ count: number; capped: boolean }> {
  const capped = db
    .select({ one: sql<number>`1`.as("one") })
    .from(refunds)
    .where(conditions.length ? and(...conditions) : undefined)
    .limit(settledCountCap + 1)
    .as("matching");
  const [row] = await db.select({ n: count() }).from(capped);
  const n = row?.n ?? 0;
  return { count: Math.min(n, settledCountCap), capped: n > settledCountCap };
}

/**
 * One keyset page, newest first. An "older" cursor reads the page after its row; a "newer" one
 * reads the page before it (ascending, then reversed), and when fewer than a page of newer rows
 * are left, that is the first page, read as such so it is full.
 */
async function readPage(db: DbOrTx, conditions: SQL[], cursor: MonitorCursor | null) {
  const requester = alias(users, "requester");
  const read = (where: SQL | undefined, newestFirst: boolean) =>
    db
      .select({
        refund: refunds,
        paymentReference: payments.reference,
        paymentCapturedMinor: payments.capturedMinor,
        paymentRefundedMinor: payments.refundedMinor,
        requesterEmail: requester.email,
        createdAtExact: sql<string>`to_char(${refunds.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
      })
      .from(refunds)
      .innerJoin(payments, eq(payments.id, refunds.paymentId))
      .leftJoin(requester, eq(requester.id, refunds.requestedBy))
      .where(and(...conditions, where))
      .orderBy(
        ...(newestFirst ? [desc(refunds.createdAt), desc(refunds.id)] : [asc(refunds.createdAt), asc(refunds.id)]),
      )
      .limit(monitorPageSize + 1);
  const key = sql`(${refunds.createdAt}, ${refunds.id})`;
  const at = cursor ? sql`(${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)` : null;
  if (cursor?.direction === "newer" && at) {
    const newer = await read(sql`${key} > ${at}`, false);
    if (newer.length > monitorPageSize)
      return { rows: newer.slice(0, monitorPageSize).reverse(), hasNewer: true, hasOlder: true };
  }
  if (cursor?.direction === "older" && at) {
    const older = await read(sql`${key} < ${at}`, true);
    return { rows: older.slice(0, monitorPageSize), hasNewer: true, hasOlder: older.length > monitorPageSize };
  }
  const first = await read(undefined, true);
  return { rows: first.slice(0, monitorPageSize), hasNewer: false, hasOlder: first.length > monitorPageSize };
}

/** One keyset page of refunds, newest first, with each one's last event and latest follow-up, its neighbours' cursors and the matching count. */
async function loadMonitorPage(db: DbOrTx, filters: RefundMonitorFilters, now: Date, providerNow: Date) {
  const conditions = filterConditions(filters, now);
  const cursor = filters.cursor ? decodeMonitorCursor(filters.cursor) : null;
  const cursorError = filters.cursor && !cursor ? "cursor is not a valid page cursor" : null;
  const [{ rows: page, hasNewer, hasOlder }, matching] = await Promise.all([
    readPage(db, conditions, cursor),
    matchingCount(db, conditions),
  ]);
  const first = page.at(0);
  const last = page.at(-1);
  const nextCursor =
    hasOlder && last
      ? encodeMonitorCursor({ direction: "older", createdAt: last.createdAtExact, id: last.refund.id })
      : null;
  const previousCursor =
    hasNewer && first
      ? encodeMonitorCursor({ direction: "newer", createdAt: first.createdAtExact, id: first.refund.id })
      : null;
  const ids = page.map((row) => row.refund.id);
  const [lastEvents, followUps] = await Promise.all([lastEventsOf(db, ids), loadFollowUps(db, ids)]);
  const view: MonitorRow[] = page.map(
    ({ refund, paymentReference, paymentCapturedMinor, paymentRefundedMinor, requesterEmail }) => ({
      id: refund.id,
      paymentId: refund.paymentId,
      paymentReference,
      paymentCapturedMinor,
      paymentRefundedMinor,
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
      expiresInDays: expiresInDays(refund, providerNow),
      actionNeeded: isActionNeeded(refund.status, followUps.get(refund.id) ?? []),
      latestFollowUp: followUps.get(refund.id)?.at(-1) ?? null,
    }),
  );
  // Also true when a "newer" cursor led back to the first page.
  const isFirstPage = !hasNewer;
  return { rows: view, nextCursor, previousCursor, isFirstPage, matching, cursorError };
}

async function lastEventsOf(
  db: DbOrTx,
  refundIds: string[],
): Promise<Map<string, { kind: string; source: string; at: Date }>> {
  if (refundIds.length === 0) return new Map();
  const events = await db
    .selectDistinctOn([refundEvents.refundId], {
      refundId: refundEvents.refundId,
      kind: refundEvents.kind,
      source: refundEvents.source,
      at: refundEvents.at,
    })
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
      paymentRefundableMinor:
        sql<bigint>`greatest(${payments.capturedMinor} - ${payments.refundReservedMinor}, 0)`.mapWith(BigInt),
    })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .leftJoin(users, eq(users.id, refunds.requestedBy))
    .where(eq(refunds.status, "awaiting_approval"))
    .orderBy(refunds.createdAt, refunds.id)
    .limit(100);
}
