import { loadPaymentTimeline } from "@/lib/domain/payments/timeline";
import { getPaymentDetail } from "@/lib/domain/payments/payment-detail";
import type { PaymentListFilters } from "@/lib/domain/payments/list/params";
import { listPayments } from "@/lib/domain/payments/list/query";
import { paymentAmounts } from "@/lib/domain/payments/refund-totals";
import { listOrders } from "@/lib/domain/orders/list/query";
import { approvalThresholdOf } from "@/lib/domain/refunds/approval-thresholds";
import { loadRefundMonitor } from "@/lib/domain/refunds/monitor";
import { loadPaymentRefunds } from "@/lib/domain/refunds/payment-refunds";
import { dailyPaymentMoney, paymentMoneyBetween } from "@/lib/domain/overview/payment-money";
import { refundAgeingByDay } from "@/lib/domain/overview/refund-ageing";
import { refundsAtAGlance } from "@/lib/domain/overview/refunds-at-a-glance";
import { syncDisagreementsByProvider } from "@/lib/domain/overview/sync-disagreements";
import type { Database } from "@/lib/platform/db/types";
import { lastZoneDays } from "@/lib/platform/time-zone/zone-days";
import type { SeedSize } from "./seed";
import { exactTimestamp, intBetween, pick, seededPaymentId } from "./random";

export interface QueryCase {
  name: string;
  /** Held to the list target (p95 < 5 ms on Postgres). */
  isList: boolean;
  /** How the floor replays the captured statements: as our code ran them (the detail page runs 4 at once). */
  floor: "sequential" | "first-then-parallel";
  maxIterations?: number;
  run(db: Database, rnd: () => number): Promise<unknown>;
}

const day = 86_400_000;
const newest = { sort: "newest", timeZone: "UTC" } as const satisfies PaymentListFilters;

/** A keyset position far down the newest-first list: 250–365 days back, a random id. */
function deepNewest(rnd: () => number, now: number): PaymentListFilters["cursor"] {
  return {
    sort: "newest",
    createdAt: exactTimestamp(new Date(now - intBetween(rnd, 250, 364) * day)),
    id: crypto.randomUUID(),
  };
}

export function queryCases(size: SeedSize): QueryCase[] {
  const now = Date.now();
  const list = (name: string, filters: (rnd: () => number) => PaymentListFilters): QueryCase => ({
    name: `payments ${name}`,
    isList: true,
    floor: "sequential",
    run: (db, rnd) => listPayments(db, filters(rnd)),
  });
  const filterCases: [string, (rnd: () => number) => Omit<PaymentListFilters, "sort" | "timeZone">][] = [
    ["no filter", () => ({})],
    ["provider", (rnd) => ({ provider: pick(rnd, ["checkout", "octo"] as const) })],
    ["status", (rnd) => ({ statuses: [pick(rnd, ["captured", "pending", "requested", "failed"] as const)] })],
    ["currency", (rnd) => ({ currency: pick(rnd, ["HKD", "UZS"] as const) })],
    [
      "amount range",
      (rnd) => {
        const min = intBetween(rnd, 1_000, 900_000);
        return { currency: "HKD", amountMinMinor: BigInt(min), amountMaxMinor: BigInt(min + 50_000) };
      },
    ],
  ];
  const cases: QueryCase[] = [];
  for (const [name, filters] of filterCases) {
    cases.push(list(`${name}, first page`, (rnd) => ({ ...newest, ...filters(rnd) })));
    cases.push(list(`${name}, deep page`, (rnd) => ({ ...newest, ...filters(rnd), cursor: deepNewest(rnd, now) })));
  }
  const dateRange = (rnd: () => number) => {
    const from = now - intBetween(rnd, 8, 364) * day;
    return { createdFrom: new Date(from), createdBefore: new Date(from + 7 * day) };
  };
  cases.push(list("date range 7 d, first page", (rnd) => ({ ...newest, ...dateRange(rnd) })));
  cases.push(
    list("date range 7 d, deep page", (rnd) => {
      const range = dateRange(rnd);
      return {
        ...newest,
        ...range,
        cursor: {
          sort: "newest",
          createdAt: exactTimestamp(new Date(range.createdFrom.getTime() + day)),
          id: crypto.randomUUID(),
        },
      };
    }),
  );
  cases.push(
    list("search reference prefix", (rnd) => {
      const prefix = `ord-${String(intBetween(rnd, 0, size.payments - 1))
        .padStart(8, "0")
        .slice(0, 6)}`;
      return { ...newest, search: { kind: "text", prefix } };
    }),
  );
  cases.push(list("sort oldest, first page", () => ({ sort: "oldest", timeZone: "UTC" })));
  cases.push(
    list("sort oldest, deep page", (rnd) => ({
      sort: "oldest",
      timeZone: "UTC",
      cursor: {
        sort: "oldest",
        createdAt: exactTimestamp(new Date(now - intBetween(rnd, 1, 100) * day)),
        id: crypto.randomUUID(),
      },
    })),
  );
  for (const sort of ["amount_desc", "amount_asc"] as const) {
    cases.push(list(`sort ${sort}, first page`, () => ({ sort, currency: "HKD", timeZone: "UTC" })));
    cases.push(
      list(`sort ${sort}, deep page`, (rnd) => ({
        sort,
        currency: "HKD",
        timeZone: "UTC",
        cursor: { sort, amountMinor: BigInt(intBetween(rnd, 200_000, 800_000)), id: crypto.randomUUID() },
      })),
    );
  }
  cases.push({
    name: "payment detail (page loaders)",
    isList: false,
    floor: "first-then-parallel",
    async run(db, rnd) {
      const payment = await getPaymentDetail(db, seededPaymentId(intBetween(rnd, 0, size.payments - 1)));
      if (!payment) throw new Error("seeded payment not found");
      return Promise.all([
        loadPaymentTimeline(db, payment.id),
        paymentAmounts(db, payment),
        loadPaymentRefunds(db, payment.id, new Date()),
        approvalThresholdOf(db, payment.currency),
      ]);
    },
  });
  cases.push({
    name: "refunds monitor, no filter",
    isList: false,
    floor: "sequential",
    maxIterations: 150,
    run: (db) => loadRefundMonitor(db, {}, new Date(), new Date()),
  });
  cases.push({
    name: "refunds monitor, status filter",
    isList: false,
    floor: "sequential",
    maxIterations: 150,
    run: (db, rnd) =>
      loadRefundMonitor(
        db,
        { status: pick(rnd, ["pending", "unknown", "needs_attention"] as const) },
        new Date(),
        new Date(),
      ),
  });
  // Issue #16/#18: the overview at any ledger size, from the money slots and the monitor's own counts.
  const overviewDays = (rnd: () => number) =>
    lastZoneDays(new Date(now - intBetween(rnd, 0, 300) * day), pick(rnd, ["Asia/Hong_Kong", "UTC"] as const), 30);
  cases.push({
    name: "overview money, 30 days per currency",
    isList: false,
    floor: "sequential",
    run: (db, rnd) => {
      const days = overviewDays(rnd);
      return paymentMoneyBetween(db, days[0]!.start, days.at(-1)!.end);
    },
  });
  cases.push({
    name: "overview money, per day for 30 days",
    isList: false,
    floor: "sequential",
    run: (db, rnd) => dailyPaymentMoney(db, overviewDays(rnd)),
  });
  cases.push({
    name: "overview refunds at a glance",
    isList: false,
    floor: "sequential",
    maxIterations: 150,
    run: (db) => refundsAtAGlance(db, crypto.randomUUID(), new Date()),
  });
  cases.push({
    name: "overview reconciliation drift per provider",
    isList: false,
    floor: "sequential",
    run: (db) => syncDisagreementsByProvider(db),
  });
  cases.push({
    name: "overview refund ageing, 30 days",
    isList: false,
    floor: "sequential",
    // The seed's refunds are all from the last 30 days: a `now` up to 30 days back keeps them in the window.
    run: (db, rnd) => {
      const at = new Date(now - intBetween(rnd, 0, 30) * day);
      return refundAgeingByDay(db, lastZoneDays(at, pick(rnd, ["Asia/Hong_Kong", "UTC"] as const), 30), at);
    },
  });
  cases.push({ name: "orders list, first page", isList: true, floor: "sequential", run: (db) => listOrders(db, {}) });
  cases.push({
    name: "orders list, deep page",
    isList: true,
    floor: "sequential",
    run: (db, rnd) =>
      listOrders(db, {
        cursor: {
          sort: "newest",
          createdAt: exactTimestamp(new Date(now - intBetween(rnd, 250, 364) * day)),
          id: crypto.randomUUID(),
        },
      }),
  });
  cases.push({
    name: "orders list, status filter",
    isList: true,
    floor: "sequential",
    run: (db, rnd) => listOrders(db, { status: pick(rnd, ["delivered", "pending", "failed"] as const) }),
  });
  return cases;
}
