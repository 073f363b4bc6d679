import path from "node:path";
import type { DatabaseHandle, DatabaseTarget } from "@/lib/platform/db/connect";
import { applyMigrations } from "@/lib/platform/db/migrate";

export const sandboxMigrationsFolder = path.join(
  /*turbopackIgnore: true*/ process.cwd(),
  "drizzle",
  "sandbox",
  "migrations",
);

/**
 * The sandbox's own schema migrations, recorded in sandbox.migrations apart from the product's
 * chain. Run after the product's, wherever the sandbox is mounted (app start, `npm run sandbox`,
 * test harnesses). The first one adopts the tables the product's old migration 0002 created.
 */
export async function migrateSandbox(handle: DatabaseHandle, target: DatabaseTarget): Promise<void> {
  await applyMigrations(handle, target, {
    migrationsFolder: sandboxMigrationsFolder,
    migrationsSchema: "sandbox",
    migrationsTable: "migrations",
    lockId: 7_240_114,
  });
}
