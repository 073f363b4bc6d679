import { and, desc, eq, lt, type SQL } from "drizzle-orm";
import { webhookReceipts } from "@/drizzle/schema";
import type { Database } from "@/lib/db/types";
import type { ReceiptFilters } from "@/lib/validation/webhooks";

export const receiptPageSize = 50;

const columns = {
  id: webhookReceipts.id,
  provider: webhookReceipts.provider,
  receivedAt: webhookReceipts.receivedAt,
  eventId: webhookReceipts.eventId,
  eventType: webhookReceipts.eventType,
  signature: webhookReceipts.signature,
  outcome: webhookReceipts.outcome,
  paymentId: webhookReceipts.paymentId,
  rawBody: webhookReceipts.rawBody,
  detail: webhookReceipts.detail,
};

export type ReceiptRow = Omit<typeof webhookReceipts.$inferSelect, "id" | "isFirst" | "headers"> & { id: string };

/** Newest first, keyset-paginated on the identity id. */
export async function listReceipts(db: Database, filters: ReceiptFilters): Promise<{ rows: ReceiptRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filters.provider) conditions.push(eq(webhookReceipts.provider, filters.provider));
  if (filters.signature) conditions.push(eq(webhookReceipts.signature, filters.signature));
  if (filters.outcome) conditions.push(eq(webhookReceipts.outcome, filters.outcome));
  if (filters.cursor) conditions.push(lt(webhookReceipts.id, BigInt(filters.cursor)));
  const rows = await db
    .select(columns)
    .from(webhookReceipts)
    .where(and(...conditions))
    .orderBy(desc(webhookReceipts.id))
    .limit(receiptPageSize + 1);
  const page = rows.slice(0, receiptPageSize).map((row) => ({ ...row, id: row.id.toString() }));
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > receiptPageSize && last ? last.id : null };
}
