import { describe, expect, it } from "vitest";
import { decodeCursor, encodeCursor } from "@/lib/platform/lists/cursor";
import { parsePaymentListParams } from "./params";
import { prefixPattern } from "@/lib/platform/lists/like-pattern";
import { classifySearch, paymentSearchHint } from "./search";

const issuesOf = (raw: Parameters<typeof parsePaymentListParams>[0]) =>
  parsePaymentListParams(raw).error?.issues.map((i) => `${i.path.join(".")} ${i.message}`) ?? [];

describe("payments list URL params", () => {
  it("defaults to newest first in UTC with nothing narrowed", () => {
    const parsed = parsePaymentListParams({});
    expect(parsed.filters).toEqual({ sort: "newest", timeZone: "UTC" });
    expect(parsed.params).toEqual({});
    expect(parsed.narrowed).toBe(false);
    expect(parsed.error).toBeUndefined();
  });

  it("takes statuses repeated or comma-separated, once each, and gives them back comma-joined", () => {
    const parsed = parsePaymentListParams(new URLSearchParams("status=captured&status=pending,captured"));
    expect(parsed.filters.statuses).toEqual(["captured", "pending"]);
    expect(parsed.params.status).toBe("captured,pending");
    expect(parsed.narrowed).toBe(true);
    expect(issuesOf({ status: ["captured", "refunded"] })).toEqual([
      "status.1 must each be one of requested, pending, authorized, captured, declined, canceled, expired, failed",
    ]);
  });

  it("ignores only the invalid parameters and keeps applying the others", () => {
    const parsed = parsePaymentListParams({
      provider: "stripe",
      currency: "hkd",
      sort: "random",
      tz: "Mars/Base",
      q: "x",
    });
    expect(parsed.filters).toEqual({ sort: "newest", timeZone: "UTC", currency: "HKD" });
    expect(parsed.params).toEqual({ currency: "HKD" });
    expect(issuesOf({ provider: "stripe", currency: "hkd", sort: "random", tz: "Mars/Base", q: "x" })).toEqual([
      "provider must be one of checkout, octo",
      "tz must be an IANA time zone such as Asia/Hong_Kong",
      "q must be at least 2 characters",
      "sort must be one of newest, oldest, amount_desc, amount_asc",
    ]);
  });

  it("treats blank fields (an empty form) as absent", () => {
    const parsed = parsePaymentListParams({
      provider: "",
      status: "",
      currency: " ",
      min: "",
      from: "",
      q: "  ",
      sort: "",
      tz: "",
    });
    expect(parsed.error).toBeUndefined();
    expect(parsed.narrowed).toBe(false);
  });

  it("converts amounts exactly with the currency's exponent", () => {
    expect(parsePaymentListParams({ currency: "HKD", min: "10.5", max: "1000" }).filters).toMatchObject({
      amountMinMinor: 1050n,
      amountMaxMinor: 100000n,
    });
    expect(parsePaymentListParams({ currency: "JPY", min: "1050" }).filters.amountMinMinor).toBe(1050n);
    expect(parsePaymentListParams({ currency: "KWD", min: "1.234" }).filters.amountMinMinor).toBe(1234n);
    expect(parsePaymentListParams({ currency: "USD", min: "0.30" }).filters.amountMinMinor).toBe(30n);
    expect(parsePaymentListParams({ currency: "USD", min: "4.7400" }).filters.amountMinMinor).toBe(474n);
  });

  it("refuses an amount it cannot convert exactly, naming the field and the rule", () => {
    expect(issuesOf({ min: "10" })).toEqual(["min needs a currency: amounts are typed in the currency's major units"]);
    expect(issuesOf({ currency: "HKD", max: "10.555" })).toEqual([
      "max must have at most 2 decimal places in HKD and fit in 19 digits of minor units",
    ]);
    expect(issuesOf({ currency: "JPY", min: "1.5" })).toEqual([
      "min must have at most 0 decimal places in JPY and fit in 19 digits of minor units",
    ]);
    expect(issuesOf({ currency: "HKD", min: "-1" })[0]).toMatch(/^min must be an amount in major units/);
    expect(issuesOf({ currency: "HKD", min: "1e3" })[0]).toMatch(/^min must be an amount in major units/);
    expect(issuesOf({ currency: "HKD", min: "9999999999999999999" })).toEqual([
      "min must have at most 2 decimal places in HKD and fit in 19 digits of minor units",
    ]);
    const reversed = parsePaymentListParams({ currency: "HKD", min: "20", max: "10" });
    expect(reversed.filters).toMatchObject({ amountMinMinor: 2000n, amountMaxMinor: undefined });
    expect(reversed.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`)).toEqual([
      "max must not be less than min",
    ]);
  });

  it("reads dates in the chosen zone; 'to' takes in the whole day, minute or second typed", () => {
    const hk = parsePaymentListParams({ from: "2024-03-10", to: "2024-03-10", tz: "Asia/Hong_Kong" }).filters;
    expect(hk.createdFrom?.toISOString()).toBe("2024-03-09T16:00:00.000Z");
    expect(hk.createdBefore?.toISOString()).toBe("2024-03-10T16:00:00.000Z");
    // New York's spring-forward day has 23 hours.
    const ny = parsePaymentListParams({ from: "2024-03-10", to: "2024-03-10", tz: "America/New_York" }).filters;
    expect(ny.createdFrom?.toISOString()).toBe("2024-03-10T05:00:00.000Z");
    expect(ny.createdBefore?.toISOString()).toBe("2024-03-11T04:00:00.000Z");
    const minute = parsePaymentListParams({ from: "2024-03-10T09:30", to: "2024-03-10 17:45" }).filters;
    expect(minute.createdFrom?.toISOString()).toBe("2024-03-10T09:30:00.000Z");
    expect(minute.createdBefore?.toISOString()).toBe("2024-03-10T17:46:00.000Z");
    const second = parsePaymentListParams({ to: "2024-12-31T23:59:59" }).filters;
    expect(second.createdBefore?.toISOString()).toBe("2025-01-01T00:00:00.000Z");
    expect(issuesOf({ from: "2024-02-30" })[0]).toMatch(/^from must be a date \(YYYY-MM-DD\)/);
    expect(issuesOf({ from: "10/03/2024" })[0]).toMatch(/^from must be a date/);
    expect(issuesOf({ from: "2024-03-10", to: "2024-03-09" })).toEqual(["to must not be before from"]);
  });

  it("sorts by amount only with a currency, and says why otherwise", () => {
    expect(parsePaymentListParams({ sort: "amount_asc", currency: "UZS" })).toMatchObject({
      filters: { sort: "amount_asc", currency: "UZS" },
      params: { currency: "UZS", sort: "amount_asc" },
      error: undefined,
    });
    const mixed = parsePaymentListParams({ sort: "amount_desc" });
    expect(mixed.filters.sort).toBe("newest");
    expect(mixed.params).toEqual({});
    expect(issuesOf({ sort: "amount_desc" })).toEqual([
      "sort needs a currency: amounts in different currencies are not compared",
    ]);
  });

  it("canonicalises the time zone and leaves UTC out of the URL", () => {
    expect(parsePaymentListParams({ tz: "asia/hong_kong" }).params).toEqual({ tz: "Asia/Hong_Kong" });
    expect(parsePaymentListParams({ tz: "UTC" }).params).toEqual({});
  });

  it("round-trips a cursor for its own sort and ignores it for another, or when tampered with", () => {
    const cursor = encodeCursor({
      sort: "amount_desc",
      amountMinor: 12345n,
      id: "0b5e4d8a-6f4b-4c1e-9a51-2f1c3b0c7d11",
    });
    expect(parsePaymentListParams({ sort: "amount_desc", currency: "HKD", cursor }).filters.cursor).toEqual({
      sort: "amount_desc",
      amountMinor: 12345n,
      id: "0b5e4d8a-6f4b-4c1e-9a51-2f1c3b0c7d11",
    });
    expect(issuesOf({ sort: "newest", cursor })).toEqual([
      "cursor belongs to another sort order (amount_desc), so paging starts again",
    ]);
    expect(issuesOf({ cursor: "not-a-cursor" })).toEqual(["cursor is not a valid page cursor"]);
    const forged = Buffer.from(
      JSON.stringify({ v: 1, s: "newest", t: "2024-01-01'; drop table payments; --", i: "x" }),
    ).toString("base64url");
    expect(decodeCursor(forged, "newest")).toEqual({ ok: false, message: "is not a valid page cursor" });
    const extra = Buffer.from(
      JSON.stringify({ v: 1, s: "amount_asc", a: "5", i: "0b5e4d8a-6f4b-4c1e-9a51-2f1c3b0c7d11", x: 1 }),
    ).toString("base64url");
    expect(decodeCursor(extra, "amount_asc").ok).toBe(false);
    const time = encodeCursor({
      sort: "oldest",
      createdAt: "2024-03-10T01:02:03.123456Z",
      id: "0b5e4d8a-6f4b-4c1e-9a51-2f1c3b0c7d11",
    });
    expect(decodeCursor(time, "oldest")).toEqual({
      ok: true,
      cursor: { sort: "oldest", createdAt: "2024-03-10T01:02:03.123456Z", id: "0b5e4d8a-6f4b-4c1e-9a51-2f1c3b0c7d11" },
    });
  });
});

describe("search classification", () => {
  it("recognises each kind of identifier", () => {
    expect(classifySearch(" 0B5E4D8A-6F4B-4C1E-9A51-2F1C3B0C7D11 ")).toEqual({
      kind: "uuid",
      value: "0b5e4d8a-6f4b-4c1e-9a51-2f1c3b0c7d11",
    });
    expect(classifySearch("PAY_abc")).toEqual({ kind: "provider_id", prefix: "pay_abc" });
    expect(classifySearch("Alice@Example")).toEqual({ kind: "email", prefix: "alice@example" });
    expect(classifySearch("INV-2024")).toEqual({ kind: "text", prefix: "inv-2024" });
  });

  it("names each provider's ids in the hint, from the providers' profiles", () => {
    expect(paymentSearchHint).toBe(
      "Payment id, pay_… or OCTO id, or the start of a reference, customer email or customer name, or the end of a reference",
    );
  });

  it("takes LIKE wildcards in the user's text literally", () => {
    expect(prefixPattern("a_b%c\\")).toBe("a\\_b\\%c\\\\%");
  });
});
