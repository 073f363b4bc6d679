import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { captureLogLines } from "@/lib/platform/log/logger";
import { runEvery } from "./every";

describe("runEvery", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("never overlaps a slow run, keeps going after an error (logged), and stops when told", async () => {
    const logs = captureLogLines();
    let started = 0;
    let finish: (() => void) | undefined;
    const stop = runEvery(
      "test-loop",
      () => {
        started += 1;
        if (started === 2) return Promise.reject(new Error("boom"));
        return new Promise<void>((resolve) => {
          finish = resolve;
        });
      },
      1_000,
    );
    await vi.advanceTimersByTimeAsync(3_500);
    expect(started).toBe(1);
    finish?.();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(2);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(started).toBe(3);
    // Logged under the job's name and this run's own id.
    expect(logs.lines()).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "background run failed",
        job: "test-loop",
        requestId: expect.stringMatching(/^job:test-loop:[0-9a-f-]{36}$/),
        err: expect.objectContaining({ message: "boom" }),
      }),
    ]);
    stop();
    finish?.();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(3);
    logs.stop();
  });
});
