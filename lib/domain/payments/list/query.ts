import {
  and,
  asc,
  desc,
  eq,
  gte,
  inArray,
  isNotNull,
  lt,
  lte,
  or,
  sql,
  type AnyColumn,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";
import { encodeCursor, type ListCursor } from "@/lib/platform/lists/cursor";
import type { PaymentListFilters } from "./params";
import { prefixPattern, suffixPattern } from "@/lib/platform/lists/like-pattern";
import type { PaymentSearch } from "./search";
import { sortSpec, type ListSort } from "@/lib/platform/lists/sort";

export const paymentsPageSize = 50;

const listColumns = {
  id: payments.id,
  createdAt: payments.createdAt,
  /** created_at to the microsecond (a JS Date keeps milliseconds only): the keyset cursor needs it exact. */
  createdAtExact: sql<string>`to_char(${payments.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
    "created_at_exact",
  ),
  statusChangedAt: payments.statusChangedAt,
  provider: payments.provider,
  flow: payments.flow,
  status: payments.status,
  providerStatus: payments.providerStatus,
  amountMinor: payments.amountMinor,
  capturedMinor: payments.capturedMinor,
  refundedMinor: payments.refundedMinor,
  currency: payments.currency,
  reference: payments.reference,
  providerPaymentId: payments.providerPaymentId,
  customerEmail: payments.customerEmail,
  customerName: payments.customerName,
};

export interface PaymentListRow {
  id: string;
  createdAt: Date;
  createdAtExact: string;
  statusChangedAt: Date;
  provider: (typeof payments.$inferSelect)["provider"];
  flow: (typeof payments.$inferSelect)["flow"];
  status: (typeof payments.$inferSelect)["status"];
  providerStatus: string | null;
  amountMinor: bigint;
  capturedMinor: bigint;
  /** Approved refunds (payments.refunded_minor); see lib/domain/payments/refund-state.ts. */
  refundedMinor: bigint;
  currency: string;
  reference: string;
  providerPaymentId: string | null;
  customerEmail: string | null;
  customerName: string | null;
}

/** One search index range: an indexed lower(…) expression and the LIKE pattern it is scanned with. */
interface SearchRange {
  expression: SQL;
  pattern: string;
}

/**
 * The index ranges a search reads: lower(provider_payment_id), lower(customer_email),
 * lower(customer_name), lower(reference) and reverse(lower(reference)) have text_pattern_ops
 * indexes, so `LIKE 'prefix%'` is an index range scan under any collation (a suffix is a prefix
 * of the reversed text). None for a UUID (a key lookup).
 */
function searchRanges(search: PaymentSearch): SearchRange[] {
  switch (search.kind) {
    case "uuid":
      return [];
    case "provider_id":
      return [{ expression: sql`lower(${payments.providerPaymentId})`, pattern: prefixPattern(search.prefix) }];
    case "email":
      return [{ expression: sql`lower(${payments.customerEmail})`, pattern: prefixPattern(search.prefix) }];
    case "text":
      return [
        { expression: sql`lower(${payments.reference})`, pattern: prefixPattern(search.prefix) },
        { expression: sql`lower(${payments.customerEmail})`, pattern: prefixPattern(search.prefix) },
        { expression: sql`lower(${payments.customerName})`, pattern: prefixPattern(search.prefix) },
        { expression: sql`reverse(lower(${payments.reference}))`, pattern: suffixPattern(search.prefix) },
      ];
  }
}

function searchCondition(search: PaymentSearch): SQL {
  if (search.kind === "uuid")
    return or(eq(payments.id, search.value), sql`lower(${payments.providerPaymentId}) = ${search.value}`)!;
  return or(...searchRanges(search).map(({ expression, pattern }) => sql`${expression} like ${pattern}`))!;
}

/** A prefix search reads at most this many entries (+1) of each searched index before the list query runs. */
export const searchCandidateCap = 500;

/**
 * The ids a prefix search matches, read from each search index in its own order (ORDER BY …
 * USING ~<~ is that index's order, so no plan can choose anything but that index range), at
 * most searchCandidateCap + 1 per index; null when an index has more than the cap.
 */
export function buildSearchCandidatesQuery(db: DbOrTx, search: PaymentSearch) {
  return searchRanges(search).map(({ expression, pattern }) =>
    db
      .select({ id: payments.id })
      .from(payments)
      .where(sql`${expression} like ${pattern}`)
      .orderBy(sql`${expression} using ~<~`)
      .limit(searchCandidateCap + 1),
  );
}

export async function searchCandidates(db: DbOrTx, search: PaymentSearch): Promise<string[] | null> {
  const ranges = buildSearchCandidatesQuery(db, search);
  if (ranges.length === 0) return null;
  const ids: string[] = [];
  for (const range of ranges) {
    const rows = await range;
    if (rows.length > searchCandidateCap) return null;
    ids.push(...rows.map((row) => row.id));
  }
  return [...new Set(ids)];
}

/**
 * Rows strictly after the cursor in the sort order (or strictly before it, for a previous page):
 * one row-value comparison, which the (key…, id) indexes answer as a range.
 */
function beyondCursor(cursor: ListCursor): SQL {
  const { direction } = sortSpec(cursor.sort);
  const op = sql.raw((direction === "desc") !== Boolean(cursor.before) ? "<" : ">");
  if ("createdAt" in cursor) {
    return sql`(${payments.createdAt}, ${payments.id}) ${op} (${cursor.createdAt}::timestamptz, ${cursor.id}::uuid)`;
  }
  return sql`(${payments.amountMinor}, ${payments.id}) ${op} (${sql.param(cursor.amountMinor, payments.amountMinor)}, ${cursor.id}::uuid)`;
}

export function listConditions(filters: PaymentListFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.provider) conditions.push(eq(payments.provider, filters.provider));
  if (filters.statuses?.length === 1) conditions.push(eq(payments.status, filters.statuses[0]!));
  else if (filters.statuses?.length) conditions.push(inArray(payments.status, filters.statuses));
  if (filters.currency) conditions.push(eq(payments.currency, filters.currency));
  if (filters.amountMinMinor !== undefined) conditions.push(gte(payments.amountMinor, filters.amountMinMinor));
  if (filters.amountMaxMinor !== undefined) conditions.push(lte(payments.amountMinor, filters.amountMaxMinor));
  if (filters.createdFrom) conditions.push(gte(payments.createdAt, filters.createdFrom));
  if (filters.createdBefore) conditions.push(lt(payments.createdAt, filters.createdBefore));
  if (filters.search) conditions.push(searchCondition(filters.search));
  if (filters.syncDisagreed) conditions.push(isNotNull(payments.syncDisagreement));
  if (filters.cursor) conditions.push(beyondCursor(filters.cursor));
  return and(...conditions);
}

/** (sort key, id) in the sort's direction (reversed to read a previous page), on the payments table or on a subquery of it. */
function orderBy(
  sort: ListSort,
  reversed: boolean,
  source: Record<"createdAt" | "amountMinor" | "id", SQLWrapper | AnyColumn> = payments,
): SQL[] {
  const { key, direction } = sortSpec(sort);
  const by = (direction === "desc") !== reversed ? desc : asc;
  return [by(source[key]), by(source.id)];
}

/**
 * The one list query (page and export use it): filters, keyset position, order by (sort key,
 * id), limit; a "before" cursor reads the same order backwards (listPayments flips it). Never OFFSET: any page costs what the first one does. `list-plan.int.test.ts`
 * EXPLAINs exactly this builder for every filter combination.
 *
 * With `candidateIds` (a prefix search's few matches, see runPaymentListQuery) the rows are
 * those ids, read inside a fence (a subquery whose LIMIT cuts nothing) and sorted after: without the
 * fence the planner may walk the sort index and filter, hoping to meet matches early, and a
 * prefix whose estimate is off by 100× (one histogram bound inside it) then reads the table.
 */
export function buildPaymentListQuery(
  db: DbOrTx,
  filters: PaymentListFilters,
  limit: number,
  candidateIds?: readonly string[],
) {
  const reversed = Boolean(filters.cursor?.before);
  if (!candidateIds) {
    return db
      .select(listColumns)
      .from(payments)
      .where(listConditions(filters))
      .orderBy(...orderBy(filters.sort, reversed))
      .limit(limit);
  }
  const matched = db
    .select(listColumns)
    .from(payments)
    .where(and(inArray(payments.id, [...candidateIds]), listConditions(filters)))
    // Never fewer rows than there are (the ids are distinct): it only keeps the subquery from
    // being pulled up into the ordered query (OFFSET 0 would, but Drizzle drops it).
    .limit(candidateIds.length)
    .as("matched");
  return db
    .select()
    .from(matched)
    .orderBy(...orderBy(filters.sort, reversed, matched))
    .limit(limit);
}

/**
 * Runs the list query. A prefix search first reads its candidates from the search indexes
 * (bounded); if every index had at most searchCandidateCap, those ids are the whole answer's
 * universe and are fetched by key. Otherwise the prefix is common, and the planner's usual plan
 * (walk the sort index, keep the matches) meets 51 matches early.
 */
export async function runPaymentListQuery(
  db: DbOrTx,
  filters: PaymentListFilters,
  limit: number,
): Promise<PaymentListRow[]> {
  const candidateIds = filters.search ? await searchCandidates(db, filters.search) : null;
  if (candidateIds?.length === 0) return [];
  return buildPaymentListQuery(db, filters, limit, candidateIds ?? undefined);
}

/** The position of a row in the sort: the page after it, or (`before`) the page before it. */
export function cursorAt(row: PaymentListRow, sort: ListSort, before = false): ListCursor {
  const direction = before ? { before: true as const } : {};
  switch (sort) {
    case "newest":
    case "oldest":
      return { sort, createdAt: row.createdAtExact, id: row.id, ...direction };
    case "amount_desc":
    case "amount_asc":
      return { sort, amountMinor: row.amountMinor, id: row.id, ...direction };
  }
}

export function cursorAfter(row: PaymentListRow, sort: ListSort): ListCursor {
  return cursorAt(row, sort);
}

export interface PaymentListPage {
  rows: PaymentListRow[];
  /** Null on the last page (one extra row is read to know). */
  nextCursor: string | null;
  /** Null on the first page. */
  previousCursor: string | null;
}

/**
 * One page. After a cursor (or with none), rows run forward from it; before a cursor (the
 * previous page), the rows before it are read backwards and flipped, so going back costs what
 * going forward does. A previous page that finds nothing (every row before it has since left the
 * filters) is the first page.
 */
export async function listPayments(
  db: DbOrTx,
  filters: PaymentListFilters,
  pageSize = paymentsPageSize,
): Promise<PaymentListPage> {
  const rows = await runPaymentListQuery(db, filters, pageSize + 1);
  const more = rows.length > pageSize;
  const encode = (row: PaymentListRow | undefined, before: boolean) =>
    row ? encodeCursor(cursorAt(row, filters.sort, before)) : null;
  if (filters.cursor?.before) {
    if (rows.length === 0) return listPayments(db, { ...filters, cursor: undefined }, pageSize);
    const page = rows.slice(0, pageSize).reverse();
    return {
      rows: page,
      nextCursor: encode(page[page.length - 1], false),
      previousCursor: more ? encode(page[0], true) : null,
    };
  }
  const page = rows.slice(0, pageSize);
  return {
    rows: page,
    nextCursor: more ? encode(page[page.length - 1], false) : null,
    previousCursor: filters.cursor ? encode(page[0], true) : null,
  };
}

/** For the empty state: is the ledger empty, or do the filters exclude everything? */
export async function anyPaymentExists(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: payments.id }).from(payments).limit(1);
  return row !== undefined;
}
