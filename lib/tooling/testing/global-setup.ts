import { ensurePgliteTemplate } from "./pglite-template";
import { testServerUrl } from "./test-database";

/** Vitest global setup of the integration project: one migrated PGlite template per run. */
export default async function setup(): Promise<void> {
  if (!testServerUrl) await ensurePgliteTemplate();
}
