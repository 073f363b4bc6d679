/** The failing party's own words, not a wrapper's: Drizzle's repeats the query, fetch's says only "fetch failed". */
export function failureMessage(error: unknown): string {
  const reason = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return reason instanceof Error ? reason.message : String(reason);
}
