import { describe, expect, it } from "vitest";
import { recentRefundsOf, sameAmountRecently } from "./recent-refunds";

const now = new Date("2026-12-04T12:00:00Z");
const at = (minutesAgo: number) => new Date(now.getTime() - minutesAgo * 60_000).toISOString();
const refund = (amountMinor: string, minutesAgo: number, status = "pending") => ({
  amountMinor,
  createdAt: at(minutesAgo),
  status,
  requestedBy: { email: "finance@demo.test" },
});

describe("recent refunds", () => {
  it("keeps the last ten minutes' refunds that did not fail or get rejected", () => {
    const recent = recentRefundsOf(
      [
        refund("2000", 1),
        refund("3000", 9.9),
        refund("4000", 10.1),
        refund("5000", 2, "failed"),
        refund("6000", 2, "rejected"),
      ],
      now,
    );
    expect(recent.map((r) => r.amountMinor)).toEqual(["2000", "3000"]);
  });
  it("matches the same amount exactly, in minor units", () => {
    const recent = recentRefundsOf([refund("2000", 1)], now);
    expect(sameAmountRecently(recent, 2000n)).toMatchObject({ amountMinor: "2000", requestedBy: "finance@demo.test" });
    expect(sameAmountRecently(recent, 2001n)).toBeUndefined();
    expect(sameAmountRecently(recent, null)).toBeUndefined();
  });
});
