import { parseArgs } from "node:util";
import { configuredDatabaseTarget, getDatabaseHandle } from "@/lib/platform/db/client";
import { migrateDatabase } from "@/lib/platform/db/migrate";
import { appUrl, env } from "@/lib/platform/env";
import { migrateSandbox, startSandboxServer, startSandboxTicker, tickSandbox } from "@/lib/integrations/sandbox/mount";

/**
 * `npm run sandbox -- --port 4010`: the three provider simulators on their own, without the
 * dashboard (for client development or other services). Uses the configured database (a
 * separate PGLITE_DATA_DIR if the dashboard is running on PGlite at the same time).
 */
async function main() {
  const { values } = parseArgs({ options: { port: { type: "string", default: "4010" } } });
  const target = configuredDatabaseTarget();
  const handle = getDatabaseHandle();
  await migrateDatabase(handle, target);
  await migrateSandbox(handle, target);
  // Bound to 127.0.0.1; control only with SANDBOX_CONTROL_TOKEN (no sessions exist here), off without it.
  const server = await startSandboxServer({
    db: handle.db,
    appUrl,
    port: Number(values.port),
    controlToken: env.SANDBOX_CONTROL_TOKEN ?? null,
  });
  const stopTicker = startSandboxTicker(() => tickSandbox(handle.db, { appUrl }));
  const control = env.SANDBOX_CONTROL_TOKEN
    ? `control at ${server.url}/api/sandbox-control (Authorization: Bearer $SANDBOX_CONTROL_TOKEN)`
    : "control off (set SANDBOX_CONTROL_TOKEN to enable it)";
  console.info(
    `Sandboxes listening at ${server.url}/api/sandbox/{checkout,octo,octopus-cards}; ${control}; webhooks go to ${appUrl}`,
  );
  const stop = async () => {
    stopTicker();
    await server.close();
    await handle.close();
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
