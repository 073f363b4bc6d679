import { readFileSync } from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { rowsOf } from "@/lib/tooling/testing/database-text";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { advanceClock, sandboxNow } from "../core/clock";
import { getDoc, insertDoc } from "../core/store";
import { migrateSandbox } from "./migrate";

const doc = { provider: "octo", kind: "payment" } as const;

/** The product's migration 0002 as it was before the sandbox got its own chain. */
const oldProductSandboxMigration = readFileSync(
  path.join(import.meta.dirname, "fixtures", "product-0002_sandbox.sql"),
  "utf8",
)
  .split("--> statement-breakpoint")
  .map((statement) => statement.trim())
  .filter(Boolean);

const tableNames = async (db: TestDatabase["db"], schema: string) =>
  (
    await rowsOf<{ table_name: string }>(
      db,
      sql`select table_name from information_schema.tables where table_schema = ${schema} order by table_name`,
    )
  ).map((row) => row.table_name);

describe(`the sandbox's own migrations [${testDatabaseKind}]`, () => {
  let database: TestDatabase | undefined;
  afterEach(async () => database?.dispose());

  const works = async (db: TestDatabase["db"]) => {
    await advanceClock(db, 60_000);
    expect((await sandboxNow(db)).getTime()).toBeGreaterThan(Date.now() + 50_000);
    await insertDoc(db, doc, { id: "fresh", data: { n: 1 }, now: new Date() });
    expect((await getDoc<{ n: number }>(db, doc, "fresh"))?.data).toEqual({ n: 1 });
  };

  it("are apart from the product's: a fresh database gets the sandbox tables only from migrateSandbox", async () => {
    database = await createTestDatabase({ bare: true });
    await migrateDatabase(database, database.target);
    expect(await tableNames(database.db, "sandbox")).toEqual([]);

    await migrateSandbox(database, database.target);
    await migrateSandbox(database, database.target);
    expect(await tableNames(database.db, "sandbox")).toEqual([
      "clock",
      "documents",
      "faults",
      "migrations",
      "scheduled_events",
      "webhook_deliveries",
    ]);
    await works(database.db);
  });

  it("adopt a database the old product chain migrated, keeping its sandbox state", async () => {
    database = await createTestDatabase({ bare: true });
    await migrateDatabase(database, database.target);
    for (const statement of oldProductSandboxMigration) await database.db.execute(sql.raw(statement));
    await insertDoc(database.db, doc, { id: "before", data: { n: 0 }, now: new Date() });

    await migrateSandbox(database, database.target);
    const applied = await rowsOf<{ n: number }>(database.db, sql`select count(*)::int as n from sandbox.migrations`);
    expect(applied[0]?.n).toBe(1);
    expect((await getDoc<{ n: number }>(database.db, doc, "before"))?.data).toEqual({ n: 0 });
    await works(database.db);
  });
});
