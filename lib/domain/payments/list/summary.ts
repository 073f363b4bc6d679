import { sql } from "drizzle-orm";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { PaymentStatus } from "@/lib/domain/payments/payment-status";
import type { PaymentListFilters } from "./params";
import { buildPaymentListQuery, searchCandidates } from "./query";

/** Counting stops here: past it the page says "more than 1,000" and shows no totals. */
export const paymentsCountCap = 1000;

/** The control totals of one status in one currency, in its minor units. */
export interface StatusCurrencyTotal {
  status: PaymentStatus;
  currency: string;
  count: number;
  capturedMinor: bigint;
  refundedMinor: bigint;
  /** Captured minus refunded. */
  netMinor: bigint;
}

export type PaymentListSummary =
  /** Every matching payment was counted: the count is exact and the totals cover them all. */
  | { exact: true; count: number; totals: StatusCurrencyTotal[] }
  /** More than `paymentsCountCap` match: neither a count nor totals (partial totals would mislead). */
  | { exact: false; moreThan: number };

/**
 * How many payments match the filters (not just this page), and per status and currency their
 * captured, refunded and net amounts: bounded, so it costs the same at any ledger size. It reads
 * at most cap + 1 matching rows through the list query itself (newest first: the same
 * index-backed plans, see list-plan.int.test.ts), and aggregates them in the database.
 */
export async function summarizePayments(
  db: DbOrTx,
  filters: PaymentListFilters,
  cap = paymentsCountCap,
): Promise<PaymentListSummary> {
  const candidateIds = filters.search ? await searchCandidates(db, filters.search) : null;
  if (candidateIds?.length === 0) return { exact: true, count: 0, totals: [] };
  const matched = buildSummaryRowsQuery(db, filters, cap, candidateIds ?? undefined).as("matched");
  const groups = await db
    .select({
      status: matched.status,
      currency: matched.currency,
      count: sql<number>`count(*)::int`,
      capturedMinor: sql<string>`sum(${matched.capturedMinor})::text`,
      refundedMinor: sql<string>`sum(${matched.refundedMinor})::text`,
    })
    .from(matched)
    .groupBy(matched.status, matched.currency)
    .orderBy(matched.status, matched.currency);
  const count = groups.reduce((sum, group) => sum + group.count, 0);
  if (count > cap) return { exact: false, moreThan: cap };
  return {
    exact: true,
    count,
    totals: groups.map((group) => {
      const capturedMinor = BigInt(group.capturedMinor);
      const refundedMinor = BigInt(group.refundedMinor);
      return {
        status: group.status,
        currency: group.currency,
        count: group.count,
        capturedMinor,
        refundedMinor,
        netMinor: capturedMinor - refundedMinor,
      };
    }),
  };
}

/** The rows the summary aggregates: the list query with no cursor, newest first, at most cap + 1 (list-plan.int.test.ts EXPLAINs it). */
export function buildSummaryRowsQuery(
  db: DbOrTx,
  filters: PaymentListFilters,
  cap = paymentsCountCap,
  candidateIds?: readonly string[],
) {
  return buildPaymentListQuery(db, { ...filters, sort: "newest", cursor: undefined }, cap + 1, candidateIds);
}
