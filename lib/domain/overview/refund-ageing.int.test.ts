import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { refundEvents, refunds } from "@/drizzle/schema";
import {
  awaitingStatuses,
  openRefundCounts,
  refundAgeBuckets,
  type RefundAgeBucket,
} from "@/lib/domain/refunds/monitor";
import { refundTransitions, type RefundStatus } from "@/lib/domain/refunds/refund-status";
import { insertCapturedPayment } from "@/lib/domain/refunds/testing/pending-refund";
import { ignoredTransitionKind } from "@/lib/domain/refunds/transition-refund";
import { createPrng, type Prng } from "@/lib/tooling/simulation/prng";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { lastZoneDays } from "@/lib/platform/time-zone/zone-days";
import { refundAgeingByDay } from "./refund-ageing";

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;
/** The bucket edges written out again (not read from the monitor), ages in (from, to]. */
const oracleEdges: [RefundAgeBucket, number][] = [
  ["lt1h", hour],
  ["lt1d", day],
  ["1to3d", 3 * day],
  ["3to7d", 7 * day],
  ["gt7d", Number.POSITIVE_INFINITY],
];

/**
 * Two `now`s, each with 30 days around a change of clocks in London (29 March 2026: a 23-hour
 * day; 25 October 2026: a 25-hour one), read in London and in Hong Kong (no DST).
 */
const cases = [
  { now: new Date("2026-04-10T10:17:23.456Z"), zones: ["Europe/London", "Asia/Hong_Kong"] },
  { now: new Date("2026-11-05T21:40:00.000Z"), zones: ["Europe/London", "Asia/Hong_Kong"] },
] as const;

type Event = { at: number; kind: string; fromStatus: RefundStatus | null; toStatus: RefundStatus };
/** statusChangedAt: when its last applied move was (follow-ups and ignored moves leave it), as transitionRefund keeps it. */
type PlannedRefund = { createdAt: number; status: RefundStatus; statusChangedAt: number; events: Event[] };

const isAwaiting = (status: RefundStatus) => (awaitingStatuses as readonly RefundStatus[]).includes(status);

/** The brute force: every refund, every instant, from its events as written. */
function oracle(planned: PlannedRefund[], at: number): Record<RefundAgeBucket, number> {
  const ages = Object.fromEntries(refundAgeBuckets.map((bucket) => [bucket, 0])) as Record<RefundAgeBucket, number>;
  for (const refund of planned) {
    if (!(refund.createdAt < at)) continue;
    const left = refund.events.some(
      (event) => event.at <= at && event.kind !== ignoredTransitionKind && !isAwaiting(event.toStatus),
    );
    if (left) continue;
    const age = at - refund.createdAt;
    const bucket = oracleEdges.find(([, to]) => age <= to)![0];
    ages[bucket] += 1;
  }
  return ages;
}

/**
 * A refund created at `createdAt` that walks the transition table (with forbidden moves recorded
 * as ignored, confirmations, follow-ups on settled ones) until `now`; `leaveAt`, when given, is
 * when it leaves the awaiting statuses (straight to a settled status).
 */
function plan(rnd: Prng, createdAt: number, now: number, leaveAt?: number): PlannedRefund {
  let status: RefundStatus = rnd.pick(["awaiting_approval", "requested"] as const);
  const events: Event[] = [{ at: createdAt, kind: "created", fromStatus: null, toStatus: status }];
  let statusChangedAt = createdAt;
  const move = (at: number, to: RefundStatus) => {
    events.push({ at, kind: "webhook", fromStatus: status, toStatus: to });
    status = to;
    statusChangedAt = at;
  };
  if (leaveAt !== undefined) {
    if (status === "awaiting_approval") move(createdAt, "requested");
    move(leaveAt, rnd.pick(["approved", "declined", "failed"] as const));
    return { createdAt, status, statusChangedAt, events };
  }
  let at = createdAt;
  for (let step = 0; step < 6; step += 1) {
    at += rnd.pick([0, minute, hour, day, 3 * day]) * rnd.next() + rnd.int(0, 1) * rnd.int(0, 90) * minute;
    at = Math.round(at);
    if (at > now) break;
    const allowed = refundTransitions[status];
    const forbidden = (Object.keys(refundTransitions) as RefundStatus[]).filter(
      (to) => to !== status && !allowed.includes(to),
    );
    const roll = rnd.next();
    if (roll < 0.2 && forbidden.length > 0)
      events.push({ at, kind: ignoredTransitionKind, fromStatus: status, toStatus: rnd.pick(forbidden) });
    else if (roll < 0.35 || allowed.length === 0)
      events.push({ at, kind: "follow_up_opened", fromStatus: status, toStatus: status });
    else move(at, rnd.pick(allowed));
  }
  return { createdAt, status, statusChangedAt, events };
}

describe(`refunds in flight at the end of each day [${testDatabaseKind}]`, () => {
  let t: TestDatabase;
  const planned: PlannedRefund[] = [];

  beforeAll(async () => {
    t = await createTestDatabase();
    const rnd = createPrng(20_260_410);
    for (const { now, zones } of cases) {
      const end = now.getTime();
      const at = (ms: number) => Math.min(ms, end);
      for (let i = 0; i < 150; i += 1) planned.push(plan(rnd, end - Math.round(rnd.next() * 45 * day), end));
      // On the edges: created at an instant, or exactly an edge before it (and 1 ms either side of
      // that); leaving at an instant or 1 ms after it; still open; today's point at `now`.
      for (const zone of zones) {
        const instants = lastZoneDays(now, zone, 30).map((d) => Math.min(d.end.getTime(), end));
        for (const instant of [instants[3]!, instants[16]!, instants[28]!, end]) {
          for (const edge of [0, hour, day, 3 * day, 7 * day])
            for (const shift of [-1, 0, 1]) planned.push(plan(rnd, instant - edge + shift, instant - edge + shift));
          planned.push(plan(rnd, instant - 2 * day, end, at(instant)));
          planned.push(plan(rnd, instant - 2 * day, end, at(instant + 1)));
          planned.push(plan(rnd, instant - 2 * day, end, at(instant - 1)));
          planned.push(plan(rnd, instant + 1, end, at(instant + hour)));
        }
      }
    }
    // Refunds are written as they stand (not through issueRefund): the payment's reserved amount plays no part here.
    const payment = await insertCapturedPayment(t.db, 1_000_000n);
    const rows = planned.map((refund) => ({ id: crypto.randomUUID(), refund }));
    await t.db.insert(refunds).values(
      rows.map(({ id, refund }) => ({
        id,
        paymentId: payment.id,
        provider: "checkout" as const,
        status: refund.status,
        amountMinor: 100n,
        currency: "HKD",
        reason: "customer_request" as const,
        idempotencyKey: id,
        createdAt: new Date(refund.createdAt),
        statusChangedAt: new Date(refund.statusChangedAt),
      })),
    );
    await t.db.insert(refundEvents).values(
      rows.flatMap(({ id, refund }) =>
        refund.events.map((event) => ({
          refundId: id,
          source: "provider_webhook" as const,
          kind: event.kind,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          at: new Date(event.at),
        })),
      ),
    );
  });
  afterAll(async () => t?.dispose());

  it("never lets a refund back into the awaiting statuses once it has left them", () => {
    for (const [from, targets] of Object.entries(refundTransitions) as [RefundStatus, readonly RefundStatus[]][])
      if (!isAwaiting(from)) expect(targets.filter(isAwaiting), from).toEqual([]);
  });

  for (const { now, zones } of cases)
    for (const zone of zones)
      it(`matches the brute force for every day in ${zone} up to ${now.toISOString()}`, async () => {
        const days = lastZoneDays(now, zone, 30);
        const points = await refundAgeingByDay(t.db, days, now);
        expect(points.map((p) => p.day)).toEqual(days);
        expect(points.map((p) => p.at)).toEqual([...days.slice(0, -1).map((d) => d.end), now]);
        expect(points.map((p) => p.ages)).toEqual(points.map((p) => oracle(planned, p.at.getTime())));
        // Not trivially zero, and today's point is what the monitor counts now.
        expect(points.reduce((sum, p) => sum + p.ages.lt1h + p.ages.gt7d, 0)).toBeGreaterThan(30);
        expect(points.at(-1)!.ages).toEqual((await openRefundCounts(t.db, now)).ages);
      });

  it("reads no days as none", async () => {
    expect(await refundAgeingByDay(t.db, [], cases[0].now)).toEqual([]);
  });
});
