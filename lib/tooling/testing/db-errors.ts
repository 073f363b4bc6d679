/** Drizzle wraps driver errors ("Failed query: …"); the database's own message is the cause. */
export async function databaseErrorOf(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    const cause = (error as { cause?: unknown }).cause;
    return cause instanceof Error ? cause.message : String(error);
  }
  return "no error";
}
