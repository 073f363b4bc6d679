import { and, desc, eq, gte, lt, or, sql, type SQL } from "drizzle-orm";
import { users } from "@/drizzle/schema/auth";
import { orders } from "@/drizzle/schema/orders";
import type { DbOrTx } from "@/lib/platform/db/types";
import { encodeCursor } from "@/lib/platform/lists/cursor";
import { prefixPattern } from "@/lib/platform/lists/like-pattern";
import type { OrderListFilters } from "./params";

export const ordersPageSize = 50;

const listColumns = {
  id: orders.id,
  createdAt: orders.createdAt,
  createdAtExact: sql<string>`to_char(${orders.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as(
    "created_at_exact",
  ),
  vertical: orders.vertical,
  status: orders.status,
  productName: orders.productName,
  quantity: orders.quantity,
  deliveredQuantity: orders.deliveredQuantity,
  faceValueMinor: orders.faceValueMinor,
  faceValueCurrency: orders.faceValueCurrency,
  chargeMinor: orders.chargeMinor,
  chargeCurrency: orders.chargeCurrency,
  refundedMinor: orders.refundedMinor,
  walletId: orders.walletId,
  clientReference: orders.clientReference,
  providerOrderId: orders.providerOrderId,
  failureCode: orders.failureCode,
  failureReason: orders.failureReason,
  details: orders.details,
  esimIccid: orders.esimIccid,
  esimActivationStatus: orders.esimActivationStatus,
  esimInstalledAt: orders.esimInstalledAt,
  placedByEmail: sql<string | null>`${users.email}`.as("placed_by_email"),
  placedByName: sql<string | null>`${users.name}`.as("placed_by_name"),
};

export type OrderListRow = Awaited<ReturnType<typeof buildOrderListQuery>>[number];

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Reference search: our id (exact), a provider order id (digits, exact) or a client_reference (exact or prefix). */
function referenceCondition(text: string): SQL {
  if (uuidPattern.test(text)) return eq(orders.id, text.toLowerCase());
  const byReference = sql`${orders.clientReference} like ${prefixPattern(text)}`;
  if (/^\d{1,9}$/.test(text)) return or(eq(orders.providerOrderId, Number(text)), byReference)!;
  return byReference;
}

/** The filters and keyset position as one condition: shared by the list, the CSV and the control totals so they always agree. */
export function orderListCondition(filters: OrderListFilters): SQL | undefined {
  const conditions: SQL[] = [];
  if (filters.vertical) conditions.push(eq(orders.vertical, filters.vertical));
  if (filters.status) conditions.push(eq(orders.status, filters.status));
  if (filters.createdFrom) conditions.push(gte(orders.createdAt, filters.createdFrom));
  if (filters.createdBefore) conditions.push(lt(orders.createdAt, filters.createdBefore));
  if (filters.reference) conditions.push(referenceCondition(filters.reference));
  if (filters.cursor)
    conditions.push(
      sql`(${orders.createdAt}, ${orders.id}) < (${filters.cursor.createdAt}::timestamptz, ${filters.cursor.id}::uuid)`,
    );
  return and(...conditions);
}

/**
 * The one orders list query (the page and the CSV export): filters, keyset position, newest first.
 * Who placed each order is joined by the users primary key, one lookup per row of the page.
 */
export function buildOrderListQuery(db: DbOrTx, filters: OrderListFilters, limit: number) {
  return db
    .select(listColumns)
    .from(orders)
    .leftJoin(users, eq(users.id, orders.placedBy))
    .where(orderListCondition(filters))
    .orderBy(desc(orders.createdAt), desc(orders.id))
    .limit(limit);
}

/** One page; nextCursor is null on the last page (one extra row is read to know). */
export async function listOrders(
  db: DbOrTx,
  filters: OrderListFilters,
  pageSize = ordersPageSize,
): Promise<{ rows: OrderListRow[]; nextCursor: string | null }> {
  const rows = await buildOrderListQuery(db, filters, pageSize + 1);
  const page = rows.slice(0, pageSize);
  const last = page[page.length - 1];
  return {
    rows: page,
    nextCursor:
      rows.length > pageSize && last
        ? encodeCursor({ sort: "newest", createdAt: last.createdAtExact, id: last.id })
        : null,
  };
}

export async function anyOrderExists(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: orders.id }).from(orders).limit(1);
  return row !== undefined;
}
