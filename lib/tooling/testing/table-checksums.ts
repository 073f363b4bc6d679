import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/platform/db/types";

/** Rows of a raw query on either driver (PGlite answers { rows }, postgres.js an array). */
async function rowsOf<Row>(db: Database, query: SQL): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/**
 * A checksum of every row of every table in the public schema, by table name, so a test can
 * prove a request wrote nothing anywhere. `exclude` leaves out tables the test checks itself.
 */
export async function tableChecksums(db: Database, exclude: readonly string[] = []): Promise<Record<string, string>> {
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const checksums: Record<string, string> = {};
  for (const { name } of tables) {
    if (exclude.includes(name)) continue;
    const [row] = await rowsOf<{ n: number | string; digest: string | null }>(
      db,
      sql`select count(*) as n, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
    );
    checksums[name] = `${String(row?.n)}:${row?.digest ?? ""}`;
  }
  return checksums;
}

export interface ReceiptsMark {
  maxId: bigint;
  digest: string;
}

async function receiptsDigest(db: Database, maxId: bigint): Promise<string> {
  const [row] = await rowsOf<{ digest: string }>(
    db,
    sql`select md5(coalesce(string_agg(r::text, '|' order by r.id), '')) as digest from webhook_receipts r where r.id <= ${maxId}`,
  );
  return row?.digest ?? "";
}

/** Where the webhook receipts stand now: the last id and a checksum of every receipt so far. */
export async function markReceipts(db: Database): Promise<ReceiptsMark> {
  const [max] = await rowsOf<{ id: string | null }>(db, sql`select max(id)::text as id from webhook_receipts`);
  const maxId = BigInt(max?.id ?? "0");
  return { maxId, digest: await receiptsDigest(db, maxId) };
}

/** Since the mark: whether the receipts it covered are unchanged, and the outcomes of the ones added. */
export async function receiptsSince(
  db: Database,
  mark: ReceiptsMark,
): Promise<{ earlierUnchanged: boolean; addedOutcomes: string[] }> {
  const added = await rowsOf<{ outcome: string }>(
    db,
    sql`select outcome from webhook_receipts where id > ${mark.maxId} order by id`,
  );
  return {
    earlierUnchanged: (await receiptsDigest(db, mark.maxId)) === mark.digest,
    addedOutcomes: added.map((r) => r.outcome),
  };
}
