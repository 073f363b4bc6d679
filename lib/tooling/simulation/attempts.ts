import { AppError } from "@/lib/platform/errors";
import { createCrashSwitch, untilSettledOrHung, type CrashPoint, type CrashSwitch } from "./crash";
import type { Prng } from "./prng";

/** How one attempt ended, as the lifecycle's trace records it. */
export type AttemptOutcome = string;

/**
 * Runs a lifecycle's attempts (refund clicks, order confirms) one after another, or all at once
 * when `concurrent`. With a crash switch, the process dies at its first money-moving call: the
 * attempts still in flight never finish, and those not started never start.
 * An AppError is an answer (refused, conflict); anything else is returned as `unexpected`.
 */
export async function runAttempts(
  attempts: Array<() => Promise<string>>,
  options: { concurrent: boolean; crash: CrashSwitch | null },
): Promise<{ outcomes: AttemptOutcome[]; unexpected: string[] }> {
  const outcomes: AttemptOutcome[] = [];
  const unexpected: string[] = [];
  const run = (attempt: () => Promise<string>) =>
    attempt().then(
      (outcome) => void outcomes.push(outcome),
      (error: unknown) => {
        if (error instanceof AppError) outcomes.push(`refused:${error.code}`);
        else unexpected.push(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
      },
    );
  const { crash } = options;
  if (options.concurrent) {
    const running = attempts.map(run);
    if (crash) {
      await Promise.race([Promise.all(running), crash.crashed]);
      await untilSettledOrHung(running, crash);
    } else await Promise.all(running);
  } else {
    for (const attempt of attempts) {
      const running = run(attempt);
      if (!crash) {
        await running;
        continue;
      }
      const died = await Promise.race([running.then(() => false), crash.crashed.then(() => true)]);
      if (died) break;
    }
  }
  if (crash?.isTripped()) outcomes.push(`crash:${crash.point}`);
  return { outcomes, unexpected };
}

/** A crash for this lifecycle, or none. */
export function maybeCrash(prng: Prng, probability: number): CrashSwitch | null {
  if (!prng.chance(probability)) return null;
  return createCrashSwitch(prng.pick<CrashPoint>(["before_call", "after_call"]));
}
