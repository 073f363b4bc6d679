import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Logger } from "drizzle-orm/logger";
import postgres from "postgres";
import * as schema from "@/drizzle/schema";
import type { DatabaseHandle, DatabaseTarget } from "@/lib/platform/db/connect";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { mountSandboxClock } from "@/lib/domain/refunds/provider-clock";
import { migrateSandbox, sandboxNow } from "@/lib/integrations/sandbox/testing";
import type { Database } from "@/lib/platform/db/types";

export interface CapturedStatement {
  sql: string;
  params: unknown[];
}

/** Drizzle logger that keeps the statements (SQL and driver parameters) of the call being measured. */
export class StatementCapture implements Logger {
  statements: CapturedStatement[] = [];
  logQuery(query: string, params: unknown[]): void {
    this.statements.push({ sql: query, params });
  }
  take(): CapturedStatement[] {
    const taken = this.statements;
    this.statements = [];
    return taken;
  }
}

/** A bench database: our Drizzle instance (as the app builds it, plus a capturing logger) and the bare driver beside it. */
export interface BenchDatabase {
  kind: "postgres" | "pglite";
  label: string;
  db: Database;
  capture: StatementCapture;
  /** The floor: one statement through the same driver, no Drizzle. */
  raw(sql: string, params: unknown[]): Promise<unknown>;
  /** Statements without parameters (several allowed), for seeding. */
  exec(sql: string): Promise<unknown>;
  close(): Promise<void>;
}

/** Drops and recreates the database named in `url` (through the maintenance database `postgres`). */
export async function recreatePostgresDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name) || name === "postgres")
    throw new Error(`refusing to recreate database "${name}"`);
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = postgres(admin.toString(), { max: 1, onnotice: () => {} });
  try {
    await client.unsafe(`drop database if exists "${name}" with (force)`);
    await client.unsafe(`create database "${name}"`);
  } finally {
    await client.end({ timeout: 5 });
  }
}

/** The bench runs the simulators against this database, as the app mounts them: their schema and their clock. */
async function mountSandbox(handle: DatabaseHandle, target: DatabaseTarget): Promise<void> {
  await migrateSandbox(handle, target);
  mountSandboxClock(sandboxNow);
}

export async function openPostgresBench(url: string): Promise<BenchDatabase> {
  const client = postgres(url, { max: 10, onnotice: () => {} });
  const capture = new StatementCapture();
  const db: Database = drizzlePostgres({ client, schema, casing: "snake_case", logger: capture });
  const handle: DatabaseHandle = { kind: "postgres", db, close: () => client.end({ timeout: 5 }) };
  await migrateDatabase(handle, { kind: "postgres", url });
  await mountSandbox(handle, { kind: "postgres", url });
  return {
    kind: "postgres",
    label: "Postgres",
    db,
    capture,
    raw: (sql, params) => client.unsafe(sql, params as postgres.ParameterOrJSON<never>[]),
    exec: (sql) => client.unsafe(sql),
    close: handle.close,
  };
}

export async function openPgliteBench(): Promise<BenchDatabase> {
  const client = new PGlite();
  const capture = new StatementCapture();
  const db: Database = drizzlePglite({ client, schema, casing: "snake_case", logger: capture });
  const handle: DatabaseHandle = { kind: "pglite", db, close: () => client.close() };
  await migrateDatabase(handle, { kind: "pglite", dataDir: "memory://" });
  await mountSandbox(handle, { kind: "pglite", dataDir: "memory://" });
  return {
    kind: "pglite",
    label: "PGlite",
    db,
    capture,
    raw: (sql, params) => client.query(sql, params),
    exec: (sql) => client.exec(sql),
    close: handle.close,
  };
}
