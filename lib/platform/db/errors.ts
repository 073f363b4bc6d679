/** Drizzle wraps driver errors; the Postgres error (from postgres.js or PGlite) is the cause. */
interface PgErrorFields {
  code?: string;
  constraint_name?: string;
  constraint?: string;
}

function pgError(error: unknown): PgErrorFields | undefined {
  const candidate = (error as { cause?: unknown }).cause ?? error;
  return typeof candidate === "object" && candidate !== null ? (candidate as PgErrorFields) : undefined;
}

/** The violated unique constraint's name, or undefined when the error is not a unique violation. */
export function uniqueViolationOf(error: unknown): string | undefined {
  const fields = pgError(error);
  if (fields?.code !== "23505") return undefined;
  return fields.constraint_name ?? fields.constraint ?? "unknown";
}
