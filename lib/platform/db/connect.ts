import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "@/drizzle/schema";
import { markTransactions } from "./open-transactions";
import type { Database } from "./types";

export type DatabaseTarget =
  | { kind: "postgres"; url: string; maxConnections?: number }
  /** loadDataDir: start from a dumped data directory (tests load a migrated template). */
  | { kind: "pglite"; dataDir: string; loadDataDir?: Blob };

export interface DatabaseHandle {
  kind: DatabaseTarget["kind"];
  db: Database;
  close(): Promise<void>;
}

/** PGlite when no URL is given (embedded, zero set-up), a Postgres server otherwise. */
export function openDatabase(target: DatabaseTarget): DatabaseHandle {
  if (target.kind === "postgres") {
    const client = postgres(target.url, { max: target.maxConnections ?? 10, onnotice: () => {} });
    const db = markTransactions(drizzlePostgres({ client, schema, casing: "snake_case" }));
    return { kind: "postgres", db, close: () => client.end({ timeout: 5 }) };
  }
  if (target.dataDir !== "memory://") {
    // A fresh clone has no .data/ yet; PGlite creates only the last folder of its path.
    mkdirSync(path.dirname(target.dataDir), { recursive: true });
  }
  const client = new PGlite({
    ...(target.dataDir !== "memory://" && { dataDir: target.dataDir }),
    ...(target.loadDataDir && { loadDataDir: target.loadDataDir }),
  });
  const db = markTransactions(drizzlePglite({ client, schema, casing: "snake_case" }));
  return { kind: "pglite", db, close: () => client.close() };
}
