import type { DbOrTx } from "@/lib/db/types";
import { minorToMajorString } from "@/lib/money/convert";
import { isKnownCurrency } from "@/lib/money/currency";
import { csvDecimal, csvRow } from "@/lib/payments/export/csv";
import type { ExportSummary } from "@/lib/payments/export/payments-csv";
import type { OrderListFilters } from "./params";
import { buildOrderListQuery, type OrderListRow } from "./query";

export const orderExportColumns = [
  "order_id",
  "created_at",
  "vertical",
  "status",
  "product",
  "quantity",
  "face_value_currency",
  "face_value_minor",
  "face_value_major",
  "wallet_id",
  "charge_currency",
  "charge_minor",
  "charge_major",
  "client_reference",
  "provider_order_id",
  "failure_code",
] as const;

const majorOrEmpty = (minor: bigint, currency: string) => (isKnownCurrency(currency) ? csvDecimal(minorToMajorString(minor, currency)) : null);

function orderRecord(row: OrderListRow): string {
  return csvRow([
    row.id,
    row.createdAt.toISOString(),
    row.vertical,
    row.status,
    row.productName,
    row.quantity,
    row.faceValueCurrency,
    row.faceValueMinor,
    majorOrEmpty(row.faceValueMinor, row.faceValueCurrency),
    row.walletId,
    row.chargeCurrency,
    row.chargeMinor,
    majorOrEmpty(row.chargeMinor, row.chargeCurrency),
    row.clientReference,
    row.providerOrderId,
    row.failureCode,
  ]);
}

/**
 * The orders CSV in keyset batches through the list query (times in UTC), then a trailer of
 * control totals of the wallet charge per currency, counted from the rows written.
 */
export async function* ordersCsv(db: DbOrTx, filters: OrderListFilters, options: { batchSize?: number } = {}): AsyncGenerator<string, ExportSummary, undefined> {
  const batchSize = options.batchSize ?? 500;
  const summary: ExportSummary = { rowCount: 0, totals: {} };
  yield csvRow(orderExportColumns);
  let cursor: OrderListFilters["cursor"] = filters.cursor;
  for (;;) {
    const rows = await buildOrderListQuery(db, { ...filters, cursor }, batchSize);
    if (rows.length === 0) break;
    let chunk = "";
    for (const row of rows) {
      chunk += orderRecord(row);
      summary.rowCount += 1;
      const total = (summary.totals[row.chargeCurrency] ??= { rowCount: 0, amountMinor: 0n });
      total.rowCount += 1;
      total.amountMinor += row.chargeMinor;
    }
    yield chunk;
    if (rows.length < batchSize) break;
    const last = rows[rows.length - 1]!;
    cursor = { sort: "newest" as const, createdAt: last.createdAtExact, id: last.id };
  }
  let trailer = `\r\n${csvRow(["control_total", "currency", "row_count", "charge_minor", "charge_major"])}`;
  for (const currency of Object.keys(summary.totals).sort()) {
    const total = summary.totals[currency]!;
    trailer += csvRow(["total", currency, total.rowCount, total.amountMinor, majorOrEmpty(total.amountMinor, currency)]);
  }
  trailer += csvRow(["total", "ALL", summary.rowCount, null, null]);
  yield trailer;
  return summary;
}
