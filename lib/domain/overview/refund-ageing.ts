import {
  and,
  count,
  eq,
  gt,
  inArray,
  isNull,
  lt,
  ne,
  notInArray,
  or,
  sql,
  type SQL,
  type SQLWrapper,
} from "drizzle-orm";
import { unionAll } from "drizzle-orm/pg-core";
import { refundEvents, refunds, refundStatuses } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { ZoneDay } from "@/lib/platform/time-zone/zone-days";
import { awaitingStatuses, bucketRanges, refundAgeBuckets, type RefundAgeBucket } from "@/lib/domain/refunds/monitor";
import { refundTransitions, type RefundStatus } from "@/lib/domain/refunds/refund-status";
import { ignoredTransitionKind } from "@/lib/domain/refunds/transition-refund";

export interface RefundAgeingPoint {
  day: ZoneDay;
  /** The instant the day is read at: its end, or `now` for the day still going on. */
  at: Date;
  /** Refunds in flight at `at`, by age then, bucketed as the refunds monitor does. */
  ages: Record<RefundAgeBucket, number>;
}

const sortedUnique = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
const timestampArray = (instants: number[]) => `{${instants.map((ms) => new Date(ms).toISOString()).join(",")}}`;

/**
 * The event with which a refund left the awaiting statuses: the one applied move from an awaiting
 * status (or from nothing, as a refund is created) to another. A forbidden move is recorded with the
 * status it asked for: it left nothing. The transition table never leads back to an awaiting status
 * (refund-ageing.int.test.ts checks it), so each refund has at most one such event.
 */
const leavesAwaiting: SQL = and(
  notInArray(refundEvents.toStatus, awaitingStatuses),
  or(isNull(refundEvents.fromStatus), inArray(refundEvents.fromStatus, awaitingStatuses)),
  ne(refundEvents.kind, ignoredTransitionKind),
)!;

const isAwaiting = (status: RefundStatus) => awaitingStatuses.includes(status);
/** Settled statuses a settled refund can still move to (expired, from approved): its status_changed_at may be later than when it left. */
const reachedAfterLeaving = refundStatuses.filter((status) =>
  refundStatuses.some((from) => !isAwaiting(from) && refundTransitions[from].includes(status)),
);
/** Settled statuses only ever entered from an awaiting one: status_changed_at (transitionRefund's only writer) is when it left. */
const enteredOnLeaving = refundStatuses.filter(
  (status) => !isAwaiting(status) && !reachedAfterLeaving.includes(status),
);

/**
 * How many refunds were in flight (in an awaiting status) at the end of each day, today at `now`,
 * by age at that instant, in the monitor's buckets: a refund counts at instant t when it was
 * created before t (age > 0, as the monitor counts) and had not left the awaiting statuses by t.
 *
 * One statement, whatever the history: the refunds open now are counted by where their created_at
 * falls among every bucket edge of every instant (width_bucket over ~5 × days sorted bounds, an
 * index-only pass over (status, created_at)); the settled ones that left after the first instant
 * the same way, grouped also by how many instants came before they left, read from
 * status_changed_at (index-only over (status, status_changed_at, created_at)) or, for a status a
 * settled refund can still move to (expired), from its leaving event. At most (edges + 1) ×
 * (days + 1) rows come back; each instant's buckets are then differences of cumulative counts.
 */
export async function refundAgeingByDay(db: DbOrTx, days: ZoneDay[], now: Date): Promise<RefundAgeingPoint[]> {
  const points = days.map((day) => ({ day, at: day.end.getTime() > now.getTime() ? now : day.end }));
  if (points.length === 0) return [];
  const instants = sortedUnique(points.map((point) => point.at.getTime()));
  const edgesOf = (at: number) =>
    refundAgeBuckets.flatMap((bucket) => {
      const [from, to] = bucketRanges[bucket];
      return Number.isFinite(to) ? [at - from, at - to] : [at - from];
    });
  const edges = sortedUnique(instants.flatMap(edgesOf));
  // How many edges are at or before created_at: 0 before the first, edges.length from the last on.
  const createdSlot = sql<number>`width_bucket(${refunds.createdAt}, ${timestampArray(edges)}::timestamptz[])`;
  const first = new Date(instants[0]!);
  const last = new Date(instants.at(-1)!);

  const open = db
    .select({ slot: createdSlot, instantsBefore: sql<number | null>`null::integer`, n: count() })
    .from(refunds)
    .where(and(inArray(refunds.status, awaitingStatuses), lt(refunds.createdAt, last)))
    .groupBy(sql`1`);
  // How many instants came strictly before it left (timestamps are whole microseconds): it counts at those.
  const instantsBefore = (leftAt: SQLWrapper) =>
    sql<number | null>`width_bucket(${leftAt} - interval '1 microsecond', ${timestampArray(instants)}::timestamptz[])`;
  const leftInWindow = (leftAt: SQLWrapper) =>
    and(gt(leftAt, first), gt(leftAt, refunds.createdAt), lt(refunds.createdAt, last));
  const leftOnLastMove = db
    .select({ slot: createdSlot, instantsBefore: instantsBefore(refunds.statusChangedAt), n: count() })
    .from(refunds)
    .where(and(inArray(refunds.status, enteredOnLeaving), leftInWindow(refunds.statusChangedAt)))
    .groupBy(sql`1`, sql`2`);
  // Its last move may have come after it left (approved, then expired): when it left is in its events.
  const leftBeforeLastMove = db
    .select({ slot: createdSlot, instantsBefore: instantsBefore(refundEvents.at), n: count() })
    .from(refunds)
    .innerJoin(refundEvents, and(eq(refundEvents.refundId, refunds.id), leavesAwaiting))
    .where(
      and(
        inArray(refunds.status, reachedAfterLeaving),
        gt(refunds.statusChangedAt, first),
        leftInWindow(refundEvents.at),
      ),
    )
    .groupBy(sql`1`, sql`2`);
  const rows = (await unionAll(open, leftOnLastMove, leftBeforeLastMove)).map((row) => ({
    slot: Number(row.slot),
    instantsBefore: row.instantsBefore === null ? Number.POSITIVE_INFINITY : Number(row.instantsBefore),
    n: Number(row.n),
  }));

  const edgeIndex = new Map(edges.map((edge, index) => [edge, index + 1]));
  return points.map(({ day, at }) => {
    const ordinal = instants.indexOf(at.getTime()) + 1;
    // createdBefore[k]: refunds in flight at `at` created before the k-th edge (1-based).
    const perSlot = new Array<number>(edges.length + 1).fill(0);
    for (const row of rows) if (row.instantsBefore >= ordinal) perSlot[row.slot]! += row.n;
    const createdBefore = [0];
    perSlot.forEach((n, slot) => createdBefore.push(createdBefore[slot]! + n));
    const before = (edge: number) => createdBefore[edgeIndex.get(edge)!]!;
    const ages = Object.fromEntries(
      refundAgeBuckets.map((bucket) => {
        const [from, to] = bucketRanges[bucket];
        const t = at.getTime();
        return [bucket, before(t - from) - (Number.isFinite(to) ? before(t - to) : 0)];
      }),
    ) as Record<RefundAgeBucket, number>;
    return { day, at, ages };
  });
}
