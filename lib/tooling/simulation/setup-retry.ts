/**
 * Setup steps (a captured payment to refund, a quote) are not under test: on a busy machine one
 * can miss the client timeout, so they are tried up to three times before the lifecycle fails.
 */
export async function withSetupRetries<T>(step: () => Promise<T>, tries = 3): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (attempt >= tries) throw error;
    }
  }
}
