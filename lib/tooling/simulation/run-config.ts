/**
 * SIM_SEED (default: random), SIM_RUNS (default 200 lifecycles, half refunds, half orders) and
 * SIM_ONLY (one lifecycle index, to replay it) from the environment.
 */
export interface SimConfig {
  seed: number;
  runs: number;
  only: number | null;
}

function intFrom(value: string | undefined, name: string): number | null {
  if (value === undefined || value === "") return null;
  const parsed = Number(value);
  if (!Number.isSafeInteger(parsed) || parsed < 0)
    throw new RangeError(`${name} must be a non-negative integer, got ${value}`);
  return parsed;
}

export function simConfigFromEnv(env: Record<string, string | undefined>): SimConfig {
  return {
    seed: intFrom(env.SIM_SEED, "SIM_SEED") ?? Math.floor(Math.random() * 2 ** 31),
    runs: intFrom(env.SIM_RUNS, "SIM_RUNS") ?? 200,
    only: intFrom(env.SIM_ONLY, "SIM_ONLY"),
  };
}

export function replayCommand(config: SimConfig, index?: number): string {
  const only = index === undefined ? "" : ` SIM_ONLY=${index}`;
  return `SIM_SEED=${config.seed} SIM_RUNS=${config.runs}${only} npx vitest run --project integration lib/tooling/simulation`;
}
