/**
 * Runs `work` every `intervalMs` in the background of this process: runs never overlap (a slow
 * one is not stacked), errors are logged under `label`, and the timer is unref'd so it never
 * keeps the process alive. Returns a stop function.
 */
export function runEvery(label: string, work: () => Promise<unknown>, intervalMs: number): () => void {
  let running = false;
  const timer = setInterval(() => {
    if (running) return;
    running = true;
    work()
      .catch((error: unknown) => console.error(`[${label}] failed`, error))
      .finally(() => {
        running = false;
      });
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
