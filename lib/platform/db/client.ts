import path from "node:path";
import { env } from "@/lib/platform/env";
import { openDatabase, type DatabaseHandle, type DatabaseTarget } from "./connect";
import type { Database } from "./types";

export function configuredDatabaseTarget(): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: "postgres", url: env.DATABASE_URL };
  const dataDir =
    env.PGLITE_DATA_DIR === "memory://"
      ? "memory://"
      : path.resolve(/*turbopackIgnore: true*/ process.cwd(), env.PGLITE_DATA_DIR);
  return { kind: "pglite", dataDir };
}

// One handle per process, shared by every bundle Next.js builds (route handlers, server
// components, instrumentation): two PGlite instances on one data folder would corrupt it.
const processGlobal = globalThis as typeof globalThis & { __paymentsOpsDb?: DatabaseHandle };

export function getDatabaseHandle(): DatabaseHandle {
  processGlobal.__paymentsOpsDb ??= openDatabase(configuredDatabaseTarget());
  return processGlobal.__paymentsOpsDb;
}

/** Tests only: points the process's database (route handlers, actions) at a test database. */
export function setAppDatabaseForTests(handle: DatabaseHandle): void {
  processGlobal.__paymentsOpsDb = handle;
}

export function getDb(): Database {
  return getDatabaseHandle().db;
}
