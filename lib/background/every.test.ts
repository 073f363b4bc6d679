import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runEvery } from "./every";

describe("runEvery", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("never overlaps a slow run, keeps going after an error (logged), and stops when told", async () => {
    const errors = vi.spyOn(console, "error").mockImplementation(() => undefined);
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
    expect(errors).toHaveBeenCalledWith("[test-loop] failed", expect.any(Error));
    stop();
    finish?.();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(started).toBe(3);
    errors.mockRestore();
  });
});
