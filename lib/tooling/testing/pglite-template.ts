import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { openDatabase } from "@/lib/platform/db/connect";
import { migrateDatabase, migrationsFolder } from "@/lib/platform/db/migrate";
import { migrateSandbox, sandboxMigrationsFolder } from "@/lib/integrations/sandbox/testing";

/**
 * Migrating a fresh PGlite costs seconds per test file; loading a dump of an already migrated
 * one costs about what starting an empty one does. The dump is made once per set of
 * migrations (its name is their hash), by the integration project's global setup.
 */
const templateFolder = path.join(process.cwd(), ".data", "test-template");

function migrationsHash(): string {
  const hash = createHash("sha256");
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else hash.update(entry.name).update(readFileSync(full));
    }
  };
  walk(migrationsFolder);
  walk(sandboxMigrationsFolder);
  return hash.digest("hex").slice(0, 16);
}

const templatePath = () => path.join(templateFolder, `pglite-${migrationsHash()}.tar.gz`);

export async function ensurePgliteTemplate(): Promise<void> {
  const file = templatePath();
  if (existsSync(file)) return;
  const target = { kind: "pglite" as const, dataDir: "memory://" };
  const handle = openDatabase(target);
  try {
    await migrateDatabase(handle, target);
    await migrateSandbox(handle, target);
    const client = (handle.db as unknown as { $client: PGlite }).$client;
    const dump = await client.dumpDataDir("gzip");
    mkdirSync(templateFolder, { recursive: true });
    // Written aside and renamed, so a concurrent run never reads half a file.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } finally {
    await handle.close();
  }
}

/** The migrated template, or undefined when none was made (the caller then migrates from scratch). */
export function readPgliteTemplate(): Blob | undefined {
  const file = templatePath();
  return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
}
