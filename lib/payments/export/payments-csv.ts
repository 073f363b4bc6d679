import type { DbOrTx } from "@/lib/db/types";
import { minorToMajorString } from "@/lib/money/convert";
import { isKnownCurrency } from "@/lib/money/currency";
import type { PaymentListFilters } from "@/lib/payments/list/params";
import { cursorAfter, runPaymentListQuery, type PaymentListRow } from "@/lib/payments/list/query";
import { formatIsoInZone } from "@/lib/payments/list/time-zone";
import { csvDecimal, csvRow, type CsvDecimal } from "./csv";

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
  "captured_minor",
  "captured_major",
  "reference",
  "provider_payment_id",
  "customer_email",
  "customer_name",
] as const;

export const trailerColumns = ["control_total", "currency", "row_count", "amount_minor", "amount_major"] as const;

export interface ExportSummary {
  rowCount: number;
  /** Per currency: how many rows and the exact sum of amount_minor. */
  totals: Record<string, { rowCount: number; amountMinor: bigint }>;
}

/** Exact major-unit text; empty for a currency we have no exponent for (never a guess). */
function majorOrEmpty(minor: bigint, currency: string): CsvDecimal | null {
  return isKnownCurrency(currency) ? csvDecimal(minorToMajorString(minor, currency)) : null;
}

function paymentRecord(row: PaymentListRow, timeZone: string): string {
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
    row.reference,
    row.providerPaymentId,
    row.customerEmail,
    row.customerName,
  ]);
}

/**
 * The payments CSV, chunk by chunk: the header, then the matching payments fetched in keyset
 * batches through the list query (never the whole table in memory, never OFFSET), then, after
 * an empty line, a trailer of control totals: one row per currency (row count, exact sum in
 * minor and major units) and an ALL row with the total row count. Totals are counted from the
 * rows written, so the file always agrees with itself even if payments change while it streams.
 * Timestamps carry their offset in the chosen zone, and every row names the zone.
 */
export async function* paymentsCsv(
  db: DbOrTx,
  filters: PaymentListFilters,
  options: { batchSize?: number } = {},
): AsyncGenerator<string, ExportSummary, undefined> {
  const batchSize = options.batchSize ?? 500;
  const summary: ExportSummary = { rowCount: 0, totals: {} };
  yield csvRow(exportColumns);
  let cursor = filters.cursor;
  for (;;) {
    const rows = await runPaymentListQuery(db, { ...filters, cursor }, batchSize);
    if (rows.length === 0) break;
    let chunk = "";
    for (const row of rows) {
      chunk += paymentRecord(row, filters.timeZone);
      summary.rowCount += 1;
      const total = (summary.totals[row.currency] ??= { rowCount: 0, amountMinor: 0n });
      total.rowCount += 1;
      total.amountMinor += row.amountMinor;
    }
    yield chunk;
    if (rows.length < batchSize) break;
    cursor = cursorAfter(rows[rows.length - 1]!, filters.sort);
  }
  let trailer = `\r\n${csvRow(trailerColumns)}`;
  for (const currency of Object.keys(summary.totals).sort()) {
    const total = summary.totals[currency]!;
    trailer += csvRow(["total", currency, total.rowCount, total.amountMinor, majorOrEmpty(total.amountMinor, currency)]);
  }
  trailer += csvRow(["total", "ALL", summary.rowCount, null, null]);
  yield trailer;
  return summary;
}

/** A byte stream of the CSV that pulls one batch at a time (backpressure), and stops querying if the client goes away. */
export function csvStream(chunks: AsyncGenerator<string, ExportSummary, undefined>, onComplete: (summary: ExportSummary) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const next = await chunks.next();
        if (next.done) {
          await onComplete(next.value);
          controller.close();
        } else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        controller.error(error);
      }
    },
    async cancel() {
      await chunks.return({ rowCount: 0, totals: {} });
    },
  });
}
