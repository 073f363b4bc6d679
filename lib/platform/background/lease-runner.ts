import { log } from "@/lib/platform/log/logger";

/**
 * What a reconciler gives the runner. The lease query claims due rows in one statement
 * (SELECT … FOR UPDATE SKIP LOCKED, then a lease_until), so two instances never check the same
 * row at once; each check then runs outside any transaction, since it calls a provider.
 */
export interface LeasedChecks<Result> {
  /** What one row is called in the log, e.g. "refund". */
  noun: string;
  /** Claims up to `limit` rows due at `now` and returns their ids. */
  leaseDue: (limit: number, now: Date) => Promise<string[]>;
  /** Checks one leased row; it ends the lease and sets the next check itself. */
  check: (id: string, now: Date) => Promise<Result>;
  /** After a check threw: releases the lease and asks for another look at `retryAt`. */
  releaseForRetry: (id: string, retryAt: Date) => Promise<void>;
  retryAfterMs: number;
}

export interface LeasedCheckRun<Result> {
  checked: Result[];
  failed: Array<{ id: string; error: string }>;
}

/**
 * One pass: lease the rows due for a look, then check each in turn. A check that throws
 * (provider down, a bug) is logged, its lease released, and the row is looked at again
 * `retryAfterMs` later; the other rows are still checked.
 */
export async function runLeasedChecks<Result>(
  checks: LeasedChecks<Result>,
  options: { limit: number; now: Date },
): Promise<LeasedCheckRun<Result>> {
  const { now } = options;
  const ids = await checks.leaseDue(options.limit, now);
  const run: LeasedCheckRun<Result> = { checked: [], failed: [] };
  for (const id of ids) {
    try {
      run.checked.push(await checks.check(id, now));
    } catch (error) {
      log.error({ [`${checks.noun}Id`]: id, err: error }, `${checks.noun} check failed`);
      run.failed.push({ id, error: error instanceof Error ? error.message : String(error) });
      await checks.releaseForRetry(id, new Date(now.getTime() + checks.retryAfterMs));
    }
  }
  return run;
}
