import { and, desc, eq, lt, ne, type SQL } from "drizzle-orm";
import { webhookReceipts } from "@/drizzle/schema";
import type { Database } from "@/lib/platform/db/types";
import { redactBody } from "@/lib/platform/security/redact";
import type { ReceiptFilters } from "@/lib/app/validation/webhooks";

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
  rawBodySha256: webhookReceipts.rawBodySha256,
  detail: webhookReceipts.detail,
};

export type ReceiptRow = Omit<typeof webhookReceipts.$inferSelect, "id" | "isFirst" | "headers"> & { id: string };

/**
 * Newest first, keyset-paginated on the identity id; authenticated deliveries only unless the
 * signature filter asks for refused ones. Bodies are redacted again on the way out, so a receipt
 * stored before redaction existed shows no secret either.
 */
export async function listReceipts(
  db: Database,
  filters: ReceiptFilters,
): Promise<{ rows: ReceiptRow[]; nextCursor: string | null }> {
  const conditions: SQL[] = [];
  if (filters.provider) conditions.push(eq(webhookReceipts.provider, filters.provider));
  const signature = filters.signature ?? "valid";
  if (signature === "refused") conditions.push(ne(webhookReceipts.signature, "valid"));
  else if (signature !== "any") conditions.push(eq(webhookReceipts.signature, signature));
  if (filters.outcome) conditions.push(eq(webhookReceipts.outcome, filters.outcome));
  if (filters.cursor) conditions.push(lt(webhookReceipts.id, BigInt(filters.cursor)));
  const rows = await db
    .select(columns)
    .from(webhookReceipts)
    .where(and(...conditions))
    .orderBy(desc(webhookReceipts.id))
    .limit(receiptPageSize + 1);
  const page = rows
    .slice(0, receiptPageSize)
    .map((row) => ({ ...row, id: row.id.toString(), rawBody: redactBody(row.rawBody) }));
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > receiptPageSize && last ? last.id : null };
}
