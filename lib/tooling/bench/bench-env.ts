/*
 * The benchmark CLI's own inputs and its child server's environment. They are not the app's
 * configuration (lib/platform/env.ts), so they are read here, in this one place.
 */
/* eslint-disable no-restricted-properties -- bench CLI inputs and the environment handed to the child `next` process */

export const benchDatabaseUrlInput = (): string | undefined => process.env.BENCH_DATABASE_URL;

/** BENCH_SEED replays a run's random values; otherwise a fresh seed (printed). */
export function benchSeed(): number {
  const given = process.env.BENCH_SEED;
  return given && /^\d{1,10}$/.test(given) ? Number(given) : Date.now() % 2_147_483_647;
}

/** This process's environment plus overrides, for a child process. */
export function childEnv(overrides: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
