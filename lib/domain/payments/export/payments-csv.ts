import { paymentStatuses } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { PaymentStatus } from "@/lib/domain/payments/payment-status";
import type { PaymentListFilters } from "@/lib/domain/payments/list/params";
import { cursorAfter, runPaymentListQuery, type PaymentListRow } from "@/lib/domain/payments/list/query";
import { formatIsoInZone } from "@/lib/platform/time-zone/wall-time";
import { paymentRefundState } from "@/lib/domain/payments/refund-state";
import { csvRow } from "@/lib/platform/csv/csv";
import { keysetCsv } from "@/lib/platform/csv/keyset-csv";
import { csvMajorOrEmpty as majorOrEmpty } from "@/lib/platform/csv/major-units";

/** Captured, refunded (approved refunds) and net, in minor and major units: in each row and in each control total. */
const capturedRefundedNetColumns = [
  "captured_minor",
  "captured_major",
  "refunded_minor",
  "refunded_major",
  "net_minor",
  "net_major",
] as const;

export const exportColumns = [
  "payment_id",
  "created_at",
  "status_changed_at",
  "time_zone",
  "provider",
  "flow",
  "status",
  "provider_status",
  "currency",
  "amount_minor",
  "amount_major",
  ...capturedRefundedNetColumns,
  "refund_state",
  "reference",
  "provider_payment_id",
  "customer_email",
  "customer_name",
] as const;

export const trailerColumns = [
  "control_total",
  "status",
  "currency",
  "row_count",
  ...capturedRefundedNetColumns,
] as const;

/** The control totals of one status in one currency: captured, refunded (approved refunds) and net. */
export interface ExportTotal {
  /** A payment status, or ALL for a currency's total over every status. */
  status: PaymentStatus | "ALL";
  currency: string;
  rowCount: number;
  capturedMinor: bigint;
  refundedMinor: bigint;
  netMinor: bigint;
}

export interface PaymentsExportSummary {
  rowCount: number;
  /** Per status and currency, sorted by currency then status. */
  totals: ExportTotal[];
}

function paymentRecord(row: PaymentListRow, timeZone: string): string {
  const refund = paymentRefundState(row);
  return csvRow([
    row.id,
    formatIsoInZone(row.createdAt, timeZone),
    formatIsoInZone(row.statusChangedAt, timeZone),
    timeZone,
    row.provider,
    row.flow,
    row.status,
    row.providerStatus,
    row.currency,
    row.amountMinor,
    majorOrEmpty(row.amountMinor, row.currency),
    row.capturedMinor,
    majorOrEmpty(row.capturedMinor, row.currency),
    refund.refundedMinor,
    majorOrEmpty(refund.refundedMinor, row.currency),
    refund.netMinor,
    majorOrEmpty(refund.netMinor, row.currency),
    refund.label,
    row.reference,
    row.providerPaymentId,
    row.customerEmail,
    row.customerName,
  ]);
}

/**
 * The payments CSV, chunk by chunk: the header, then the matching payments fetched in keyset
 * batches through the list query (never the whole table in memory, never OFFSET), each with its
 * refunded and net amounts and refund state (lib/domain/payments/refund-state.ts, as the list and the
 * payment page show them), then, after an empty line, a trailer of control totals: one row per
 * status and currency (row count; captured, refunded and net in minor and major units, never a
 * gross of declined or expired amounts), one ALL-statuses row per currency, and an ALL row with
 * the total row count. Totals are counted from the rows written, so the file always agrees with
 * itself even if payments change while it streams.
 * Timestamps carry their offset in the chosen zone, and every row names the zone.
 */
export async function* paymentsCsv(
  db: DbOrTx,
  filters: PaymentListFilters,
  options: { batchSize?: number } = {},
): AsyncGenerator<string, PaymentsExportSummary, undefined> {
  const totals = new Map<string, ExportTotal>();
  const rowCount = yield* keysetCsv({
    columns: exportColumns,
    firstCursor: filters.cursor,
    page: (cursor, limit) => runPaymentListQuery(db, { ...filters, cursor }, limit),
    cursorAfter: (row) => cursorAfter(row, filters.sort),
    record: (row) => paymentRecord(row, filters.timeZone),
    onRow: (row) => addTo(totals, row.status, row),
    batchSize: options.batchSize,
  });
  const summary: PaymentsExportSummary = { rowCount, totals: [...totals.values()].sort(byCurrencyThenStatus) };
  let trailer = `\r\n${csvRow(trailerColumns)}`;
  const perCurrency = new Map<string, ExportTotal>();
  for (const total of summary.totals) {
    trailer += totalRecord(total);
    addTo(perCurrency, "ALL", total);
  }
  for (const total of perCurrency.values()) trailer += totalRecord(total);
  trailer += csvRow(["total", "ALL", "ALL", rowCount]);
  yield trailer;
  return summary;
}

/** Adds a payment (rowCount 1) or a total to the (status, currency) entry of `totals`. */
function addTo(
  totals: Map<string, ExportTotal>,
  status: PaymentStatus | "ALL",
  item: { currency: string; capturedMinor: bigint; refundedMinor: bigint; rowCount?: number },
) {
  const key = `${status} ${item.currency}`;
  const total = totals.get(key) ?? {
    status,
    currency: item.currency,
    rowCount: 0,
    capturedMinor: 0n,
    refundedMinor: 0n,
    netMinor: 0n,
  };
  total.rowCount += item.rowCount ?? 1;
  total.capturedMinor += item.capturedMinor;
  total.refundedMinor += item.refundedMinor;
  total.netMinor = total.capturedMinor - total.refundedMinor;
  totals.set(key, total);
}

/** Currencies alphabetically; within one, statuses in their lifecycle order (requested … failed), as the list's totals show them. */
const statusOrder = (status: PaymentStatus | "ALL") =>
  status === "ALL" ? paymentStatuses.length : paymentStatuses.indexOf(status);
const byCurrencyThenStatus = (a: ExportTotal, b: ExportTotal) =>
  a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : statusOrder(a.status) - statusOrder(b.status);

function totalRecord(total: ExportTotal): string {
  const { currency } = total;
  return csvRow([
    "total",
    total.status,
    currency,
    total.rowCount,
    total.capturedMinor,
    majorOrEmpty(total.capturedMinor, currency),
    total.refundedMinor,
    majorOrEmpty(total.refundedMinor, currency),
    total.netMinor,
    majorOrEmpty(total.netMinor, currency),
  ]);
}
