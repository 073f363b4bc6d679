import { sql } from "drizzle-orm";
import type { Database } from "@/lib/platform/db/types";

export async function rowsOf<Row>(db: Database, query: ReturnType<typeof sql>): Promise<Row[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: Row[] }).rows) as Row[];
}

/**
 * Every row of every table in the public schema as text, by table, so a test can prove a value
 * was stored nowhere. Tables whose name starts with one of `excludePrefixes` are left out (the
 * sandbox's own tables: they are the provider's side, which keeps what it issued).
 */
export async function databaseText(
  db: Database,
  excludePrefixes: readonly string[] = [],
): Promise<Record<string, string>> {
  const tables = await rowsOf<{ name: string }>(
    db,
    sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1`,
  );
  const text: Record<string, string> = {};
  for (const { name } of tables) {
    if (excludePrefixes.some((prefix) => name.startsWith(prefix))) continue;
    const rows = await rowsOf<{ row: string }>(db, sql`select t::text as row from ${sql.identifier(name)} t`);
    text[name] = rows.map((r) => r.row).join("\n");
  }
  return text;
}

/** The tables whose text contains `needle`, for a failure message that says where it leaked. */
export function tablesContaining(text: Record<string, string>, needle: string): string[] {
  return Object.entries(text)
    .filter(([, rows]) => rows.includes(needle))
    .map(([table]) => table);
}
