import { describe, expect, it } from "vitest";
import { isSecondFactorFresh, stepUpFactorsOf, stepUpGate, stepUpMessages } from "./step-up";

const minute = 60_000;
const now = new Date("2026-12-04T04:00:00Z");
const ago = (ms: number) => new Date(now.getTime() - ms);

describe("isSecondFactorFresh", () => {
  it("is stale without a second factor in this session", () => {
    expect(isSecondFactorFresh(null, now, 5 * minute)).toBe(false);
  });
  it("is fresh up to and including the window, stale one millisecond after", () => {
    expect(isSecondFactorFresh(ago(0), now, 5 * minute)).toBe(true);
    expect(isSecondFactorFresh(ago(5 * minute), now, 5 * minute)).toBe(true);
    expect(isSecondFactorFresh(ago(5 * minute + 1), now, 5 * minute)).toBe(false);
  });
  it("does not trust a verification time in the future", () => {
    expect(isSecondFactorFresh(new Date(now.getTime() + minute), now, 5 * minute)).toBe(false);
  });
});

describe("stepUpGate", () => {
  const base = { now, maxAgeMs: 5 * minute, factors: async () => ({ totp: true, passkey: false }) };

  it("lets a fresh session through without evaluating the requirement", async () => {
    let asked = false;
    const gate = await stepUpGate({ ...base, secondFactorAt: ago(minute), required: () => ((asked = true), true) });
    expect(gate).toBeNull();
    expect(asked).toBe(false);
  });
  it("refuses a stale session when required, asking for the code", async () => {
    expect(await stepUpGate({ ...base, secondFactorAt: ago(6 * minute), required: true })).toEqual({
      ok: false,
      code: "STEP_UP_REQUIRED",
      message: stepUpMessages.confirm,
    });
    expect(await stepUpGate({ ...base, secondFactorAt: null, required: async () => true })).toMatchObject({
      code: "STEP_UP_REQUIRED",
    });
  });
  it("lets a stale session through when this input does not need it (a small refund)", async () => {
    expect(await stepUpGate({ ...base, secondFactorAt: null, required: () => false })).toBeNull();
  });
  it("tells a user with no factor to enrol one first", async () => {
    const gate = await stepUpGate({
      ...base,
      secondFactorAt: null,
      required: true,
      factors: async () => ({ totp: false, passkey: false }),
    });
    expect(gate?.message).toBe(stepUpMessages.notEnrolled);
  });
  it("names the factors the user has, and the dialog reads them back from the sentence", async () => {
    for (const factors of [
      { totp: true, passkey: false },
      { totp: false, passkey: true },
      { totp: true, passkey: true },
      { totp: false, passkey: false },
    ]) {
      const gate = await stepUpGate({ ...base, secondFactorAt: null, required: true, factors: async () => factors });
      expect(stepUpFactorsOf(gate!.message)).toEqual(factors);
    }
    expect(
      (
        await stepUpGate({
          ...base,
          secondFactorAt: null,
          required: true,
          factors: async () => ({ totp: false, passkey: true }),
        })
      )?.message,
    ).toBe(stepUpMessages.passkey);
  });
});
