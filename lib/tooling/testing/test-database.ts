import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from "@/lib/platform/db/connect";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { migrateSandbox } from "@/lib/integrations/sandbox/testing";
import { readPgliteTemplate } from "./pglite-template";

export interface TestDatabase extends DatabaseHandle {
  target: DatabaseTarget;
  /** Closes the connection and drops the throwaway database. */
  dispose(): Promise<void>;
}

/** The Postgres server to test against, or undefined to test on embedded PGlite. */
export const testServerUrl: string | undefined = process.env.TEST_DATABASE_URL || undefined;

export const testDatabaseKind = testServerUrl ? "postgres" : "pglite";

/**
 * A fresh, migrated database per call: in-memory PGlite by default (loaded from the migrated
 * template when there is one; migrating then only confirms it is current), or a new database created
 * on the server in TEST_DATABASE_URL (and dropped afterwards), so suites never share state.
 */
export async function createTestDatabase(
  options: {
    maxConnections?: number;
    /** Empty: no template, no migrations (for migration tests). */ bare?: boolean;
  } = {},
): Promise<TestDatabase> {
  const migrate = async (handle: DatabaseHandle, target: DatabaseTarget) => {
    if (options.bare) return;
    await migrateDatabase(handle, target);
    await migrateSandbox(handle, target);
  };
  if (!testServerUrl) {
    const template = options.bare ? undefined : readPgliteTemplate();
    const target: DatabaseTarget = { kind: "pglite", dataDir: "memory://", ...(template && { loadDataDir: template }) };
    const handle = openDatabase(target);
    await migrate(handle, target);
    return { ...handle, target, dispose: handle.close };
  }
  const name = `test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(testServerUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const url = new URL(testServerUrl);
  url.pathname = `/${name}`;
  const target: DatabaseTarget = {
    kind: "postgres",
    url: url.toString(),
    maxConnections: options.maxConnections ?? 20,
  };
  const handle = openDatabase(target);
  await migrate(handle, target);
  return {
    ...handle,
    target,
    async dispose() {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
