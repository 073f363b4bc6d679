import { describe, expect, it } from "vitest";
import { captureLogLines } from "@/lib/platform/log/logger";
import { runLeasedChecks } from "./lease-runner";

describe("runLeasedChecks", () => {
  it("checks every leased row in turn; a check that throws is released for a retry and the rest still run", async () => {
    const logged = captureLogLines();
    const now = new Date("2026-01-01T00:00:00Z");
    const asked: Array<[number, Date]> = [];
    const released: Array<[string, string]> = [];
    const run = await runLeasedChecks(
      {
        noun: "row",
        leaseDue: async (limit, at) => {
          asked.push([limit, at]);
          return ["a", "b", "c"];
        },
        check: async (id) => {
          if (id === "b") throw new Error("provider down");
          return `checked ${id}`;
        },
        releaseForRetry: async (id, retryAt) => {
          released.push([id, retryAt.toISOString()]);
        },
        retryAfterMs: 60_000,
      },
      { limit: 7, now },
    );
    expect(asked).toEqual([[7, now]]);
    expect(run).toEqual({ checked: ["checked a", "checked c"], failed: [{ id: "b", error: "provider down" }] });
    expect(released).toEqual([["b", "2026-01-01T00:01:00.000Z"]]);
    logged.stop();
    expect(logged.lines()).toEqual([
      expect.objectContaining({
        level: "error",
        msg: "row check failed",
        rowId: "b",
        err: expect.objectContaining({ message: "provider down" }),
      }),
    ]);
  });
});
