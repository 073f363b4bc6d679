import type { DbOrTx } from "@/lib/platform/db/types";
import { csvRow } from "@/lib/platform/csv/csv";
import { keysetCsv } from "@/lib/platform/csv/keyset-csv";
import { csvMajorOrEmpty as majorOrEmpty } from "@/lib/platform/csv/major-units";
import { deliveredText, esimStatusText, failureSentence, recipientText } from "./order-row-text";
import type { OrderListFilters } from "./params";
import { buildOrderListQuery, type OrderListRow } from "./query";
import { addOrderTo, type OrderCurrencyTotal } from "./totals";

/** Charged, refunded and net (charged − refunded), in the wallet (charge) currency's minor and major units. */
const chargedRefundedNetColumns = [
  "charged_minor",
  "charged_major",
  "refunded_minor",
  "refunded_major",
  "net_minor",
  "net_major",
] as const;

export const orderExportColumns = [
  "order_id",
  "created_at",
  "vertical",
  "status",
  "product",
  "quantity",
  "delivered",
  "face_value_currency",
  "face_value_minor",
  "face_value_major",
  "wallet_id",
  "currency",
  ...chargedRefundedNetColumns,
  "placed_by_email",
  "placed_by_name",
  "recipient",
  "failure_code",
  "failure_reason",
  "esim_iccid",
  "esim_status",
  "esim_installed_at",
  "client_reference",
  "provider_order_id",
] as const;

export const orderTotalsColumns = ["currency", "order_count", ...chargedRefundedNetColumns, "as_of"] as const;

const chargedRefundedNet = (currency: string, charged: bigint, refunded: bigint) => {
  const net = charged - refunded;
  return [
    charged,
    majorOrEmpty(charged, currency),
    refunded,
    majorOrEmpty(refunded, currency),
    net,
    majorOrEmpty(net, currency),
  ];
};

function orderRecord(row: OrderListRow): string {
  return csvRow([
    row.id,
    row.createdAt.toISOString(),
    row.vertical,
    row.status,
    row.productName,
    row.quantity,
    deliveredText(row.deliveredQuantity, row.quantity),
    row.faceValueCurrency,
    row.faceValueMinor,
    majorOrEmpty(row.faceValueMinor, row.faceValueCurrency),
    row.walletId,
    row.chargeCurrency,
    ...chargedRefundedNet(row.chargeCurrency, row.chargeMinor, row.refundedMinor),
    row.placedByEmail,
    row.placedByName,
    recipientText(row.details),
    row.failureCode,
    failureSentence(row.failureReason),
    row.esimIccid,
    esimStatusText(row.esimActivationStatus),
    row.esimInstalledAt?.toISOString(),
    row.clientReference,
    row.providerOrderId,
  ]);
}

export interface OrdersExportSummary {
  rowCount: number;
  /** Per charge currency, alphabetically, counted from the rows written. */
  totals: OrderCurrencyTotal[];
}

/**
 * The orders CSV: one table, a header row and one record per matching order (times in UTC),
 * fetched in keyset batches through the list query (never the whole table in memory, never
 * OFFSET). No trailer: the control totals are a file of their own (ordersTotalsCsv), so a
 * spreadsheet imports this one as a clean table. The summary it returns (for the audit log)
 * is counted from the rows written.
 */
export async function* ordersCsv(
  db: DbOrTx,
  filters: OrderListFilters,
  options: { batchSize?: number } = {},
): AsyncGenerator<string, OrdersExportSummary, undefined> {
  const totals = new Map<string, OrderCurrencyTotal>();
  const rowCount = yield* keysetCsv({
    columns: orderExportColumns,
    firstCursor: filters.cursor,
    page: (cursor, limit) => buildOrderListQuery(db, { ...filters, cursor }, limit),
    cursorAfter: (row) => ({ sort: "newest" as const, createdAt: row.createdAtExact, id: row.id }),
    record: orderRecord,
    onRow: (row) => addOrderTo(totals, row),
    batchSize: options.batchSize,
  });
  return {
    rowCount,
    totals: [...totals.values()].sort((a, b) => (a.currency < b.currency ? -1 : a.currency > b.currency ? 1 : 0)),
  };
}

/**
 * The control totals file: one table, a header row, one record per charge currency (order
 * count; charged, refunded and net in minor and major units) and an ALL record with the total
 * order count (amounts of different currencies are never added up). Every record carries the
 * time the totals were read (as_of, UTC).
 */
export function ordersTotalsCsv(totals: readonly OrderCurrencyTotal[], asOf: Date): string {
  const at = asOf.toISOString();
  let text = csvRow(orderTotalsColumns);
  for (const total of totals)
    text += csvRow([
      total.currency,
      total.orderCount,
      ...chargedRefundedNet(total.currency, total.chargedMinor, total.refundedMinor),
      at,
    ]);
  const count = totals.reduce((sum, total) => sum + total.orderCount, 0);
  return text + csvRow(["ALL", count, null, null, null, null, null, null, at]);
}
