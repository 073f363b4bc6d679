import { asJobRun } from "@/lib/platform/log/job-context";
import { log } from "@/lib/platform/log/logger";

/**
 * Runs `work` every `intervalMs` in the background of this process: runs never overlap (a slow
 * one is not stacked), each run logs under its own job run id, errors are logged under `label`, and
 * the timer is unref'd so it never keeps the process alive. Returns a stop function.
 */
export function runEvery(label: string, work: () => Promise<unknown>, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    asJobRun(label, () =>
      work().catch((error: unknown) => log.error({ job: label, err: error }, "background run failed")),
    ).finally(() => {
      running = false;
    });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
