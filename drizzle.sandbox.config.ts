import { defineConfig } from "drizzle-kit";

/** The sandbox's own migrations, apart from the product's chain (drizzle.config.ts); see lib/integrations/sandbox/db/migrate.ts. */
export default defineConfig({
  dialect: "postgresql",
  schema: "./lib/integrations/sandbox/db/schema.ts",
  out: "./drizzle/sandbox/migrations",
  schemaFilter: ["sandbox"],
  casing: "snake_case",
  strict: true,
  verbose: true,
});
