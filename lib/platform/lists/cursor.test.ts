import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "./cursor";

const id = "0b7f2c9e-6a1d-4c3b-9e8f-1a2b3c4d5e6f";
const wire = (value: unknown) => Buffer.from(JSON.stringify(value), "utf8").toString("base64url");

describe("page cursor decoding", () => {
  it("reads back exactly what it wrote", () => {
    const newest = encodeCursor({ sort: "newest", createdAt: "2026-03-01T10:20:30.123456Z", id });
    expect(decodeCursor(newest, "newest")).toEqual({
      ok: true,
      cursor: { sort: "newest", createdAt: "2026-03-01T10:20:30.123456Z", id },
    });
    const amount = encodeCursor({ sort: "amount_desc", amountMinor: 9_223_372_036_854_775_807n, id });
    expect(decodeCursor(amount, "amount_desc")).toEqual({
      ok: true,
      cursor: { sort: "amount_desc", amountMinor: 9_223_372_036_854_775_807n, id },
    });
  });

  it("reads a previous-page cursor only where the list pages backwards", () => {
    const before = encodeCursor({ sort: "oldest", createdAt: "2026-03-01T10:20:30.123456Z", id, before: true });
    expect(decodeCursor(before, "oldest", { allowBefore: true })).toEqual({
      ok: true,
      cursor: { sort: "oldest", createdAt: "2026-03-01T10:20:30.123456Z", id, before: true },
    });
    expect(decodeCursor(before, "oldest")).toEqual({ ok: false, message: "is not a valid page cursor" });
    const amount = encodeCursor({ sort: "amount_asc", amountMinor: 5n, id, before: true });
    expect(decodeCursor(amount, "amount_asc", { allowBefore: true })).toMatchObject({
      ok: true,
      cursor: { before: true },
    });
    // Only "before" is a direction; "after" is written by leaving the field out.
    expect(
      decodeCursor(wire({ v: 1, s: "oldest", t: "2026-01-01T00:00:00.000000Z", i: id, d: "after" }), "oldest", {
        allowBefore: true,
      }),
    ).toMatchObject({ ok: false });
  });

  it.each([
    ["a month 13", wire({ v: 1, s: "newest", t: "2026-13-01T00:00:00.000000Z", i: id })],
    ["30 February", wire({ v: 1, s: "newest", t: "2026-02-30T00:00:00.000000Z", i: id })],
    ["hour 25", wire({ v: 1, s: "newest", t: "2026-01-01T25:00:00.000000Z", i: id })],
    ["year 0", wire({ v: 1, s: "newest", t: "0000-01-01T00:00:00.000000Z", i: id })],
    ["an amount beyond bigint", wire({ v: 1, s: "amount_desc", a: "9223372036854775808", i: id })],
    ["an amount in exponent form", wire({ v: 1, s: "amount_desc", a: "1e5", i: id })],
    ["a direction other than before", wire({ v: 1, s: "amount_desc", a: "5", i: id, d: "back" })],
    ["an extra field", wire({ v: 1, s: "newest", t: "2026-01-01T00:00:00.000000Z", i: id, x: 1 })],
    ["keys in another order", wire({ s: "newest", v: 1, t: "2026-01-01T00:00:00.000000Z", i: id })],
    ["a NUL in the id", wire({ v: 1, s: "newest", t: "2026-01-01T00:00:00.000000Z", i: `${id}\u0000` })],
    ["base64 padding", `${encodeCursor({ sort: "newest", createdAt: "2026-01-01T00:00:00.000000Z", id })}==`],
    ["not base64url at all", "%00' or 1=1 --"],
    ["JSON that is not ours", wire([1, 2, 3])],
  ])("refuses %s", (_, text) => {
    expect(decodeCursor(text, text.includes("YW1vdW50") ? "amount_desc" : "newest")).toEqual({
      ok: false,
      message: "is not a valid page cursor",
    });
  });

  it("says so when a valid cursor belongs to another sort", () => {
    const newest = encodeCursor({ sort: "newest", createdAt: "2026-03-01T10:20:30.123456Z", id });
    expect(decodeCursor(newest, "oldest")).toMatchObject({
      ok: false,
      message: expect.stringContaining("another sort order"),
    });
  });
});
