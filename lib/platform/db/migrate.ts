import path from "node:path";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import type { PgliteDatabase } from "drizzle-orm/pglite";
import postgres from "postgres";
import type { DatabaseHandle, DatabaseTarget } from "./connect";

export const migrationsFolder = path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle", "migrations");

/** Arbitrary but fixed: every app instance takes this lock before migrating. */
const MIGRATION_LOCK_ID = 7_240_113;

export interface MigrationChain {
  migrationsFolder: string;
  /** Where the chain records what it applied (drizzle's default: drizzle.__drizzle_migrations). */
  migrationsSchema?: string;
  migrationsTable?: string;
  /** The advisory lock that serialises instances migrating this chain at once. */
  lockId: number;
}

/**
 * Applies a folder of committed drizzle-kit migrations. On a Postgres server several app
 * instances may start at once, so the run is serialised with an advisory lock on a dedicated connection.
 */
export async function applyMigrations(
  handle: DatabaseHandle,
  target: DatabaseTarget,
  chain: MigrationChain,
): Promise<void> {
  const { lockId, ...config } = chain;
  if (target.kind === "pglite") {
    await migratePglite(handle.db as unknown as PgliteDatabase, config);
    return;
  }
  const client = postgres(target.url, { max: 1, onnotice: () => {} });
  try {
    await client`select pg_advisory_lock(${lockId})`;
    await migratePostgres(drizzlePostgres({ client }), config);
  } finally {
    // Closing the session releases the advisory lock.
    await client.end({ timeout: 5 });
  }
}

/** Applies the product's migrations (drizzle/migrations). */
export async function migrateDatabase(handle: DatabaseHandle, target: DatabaseTarget): Promise<void> {
  await applyMigrations(handle, target, { migrationsFolder, lockId: MIGRATION_LOCK_ID });
}
