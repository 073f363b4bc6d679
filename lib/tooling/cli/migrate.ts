import { configuredDatabaseTarget, getDatabaseHandle } from "@/lib/platform/db/client";
import { migrateDatabase } from "@/lib/platform/db/migrate";

/** `npm run db:migrate`: the explicit deploy step (the app also migrates at start). */
async function main() {
  const target = configuredDatabaseTarget();
  const handle = getDatabaseHandle();
  await migrateDatabase(handle, target);
  await handle.close();
  console.info(`Migrations applied to ${target.kind === "pglite" ? target.dataDir : "DATABASE_URL"}.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
