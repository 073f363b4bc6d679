import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { parsePaymentListParams } from "./params";
import { ledgerCurrencies } from "./currencies";
import { listPayments, searchCandidateCap, type PaymentListRow } from "./query";
import { summarizePayments } from "./summary";
import { isAmountSort, listSorts, type ListSort } from "@/lib/platform/lists/sort";

let t: TestDatabase;

interface Seed {
  reference: string;
  createdAt: string; // exact, microseconds
  amountMinor: bigint;
  currency?: string;
  provider?: "checkout" | "octo";
  status?: (typeof payments.$inferInsert)["status"];
  providerPaymentId?: string | null;
  customerEmail?: string | null;
  customerName?: string | null;
  capturedMinor?: bigint;
  refundedMinor?: bigint;
}

async function seed(rows: Seed[]): Promise<Map<string, string>> {
  const inserted = await t.db
    .insert(payments)
    .values(
      rows.map((r) => ({
        provider: r.provider ?? "checkout",
        flow: "external" as const,
        status: r.status ?? "captured",
        reference: r.reference,
        amountMinor: r.amountMinor,
        currency: r.currency ?? "HKD",
        providerPaymentId: r.providerPaymentId ?? null,
        customerEmail: r.customerEmail ?? null,
        customerName: r.customerName ?? null,
        capturedMinor: r.capturedMinor ?? 0n,
        refundReservedMinor: r.refundedMinor ?? 0n,
        refundedMinor: r.refundedMinor ?? 0n,
        createdAt: sql`${r.createdAt}::timestamptz`,
      })),
    )
    .returning({ id: payments.id, reference: payments.reference });
  return new Map(inserted.map((r) => [r.reference, r.id]));
}

/** Every page of a listing, following nextCursor through the URL as the pager does. */
async function allPages(params: Record<string, string>, pageSize: number): Promise<PaymentListRow[][]> {
  const pages: PaymentListRow[][] = [];
  let cursor: string | undefined;
  for (let guard = 0; guard < 1000; guard += 1) {
    const parsed = parsePaymentListParams({ ...params, ...(cursor ? { cursor } : {}) });
    expect(parsed.error).toBeUndefined();
    const page = await listPayments(t.db, parsed.filters, pageSize);
    pages.push(page.rows);
    if (!page.nextCursor) return pages;
    cursor = page.nextCursor;
  }
  throw new Error("pager did not end");
}

const refs = (rows: PaymentListRow[]) => rows.map((r) => r.reference);
const prefix = (p: string) => ({ q: p });

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t?.dispose());

describe(`payments list behaviour (${testDatabaseKind})`, () => {
  it("pages through every sort with no duplicates and no gaps, across ties in the sort key", async () => {
    // 60 payments: groups share the exact same created_at, others differ only in microseconds
    // (the same JS millisecond), and amounts repeat, so the id tie-breaker does real work.
    const rows: Seed[] = [];
    for (let i = 0; i < 60; i += 1) {
      const micro = String(i % 4 === 0 ? 0 : (i % 7) * 100 + (i % 3)).padStart(6, "0");
      rows.push({
        reference: `KEYSET-${String(i).padStart(2, "0")}`,
        createdAt: `2024-05-0${1 + (i % 3)}T10:00:00.${micro}Z`,
        amountMinor: BigInt(100 * (1 + (i % 5))),
        currency: i % 2 ? "HKD" : "UZS",
      });
    }
    const ids = await seed(rows);
    const compare = (sort: ListSort) => (a: Seed, b: Seed) => {
      const ida = ids.get(a.reference)!;
      const idb = ids.get(b.reference)!;
      const key =
        sort === "newest" || sort === "oldest"
          ? a.createdAt.localeCompare(b.createdAt)
          : a.amountMinor < b.amountMinor
            ? -1
            : a.amountMinor > b.amountMinor
              ? 1
              : 0;
      const ordered = key !== 0 ? key : ida < idb ? -1 : ida > idb ? 1 : 0;
      return sort === "newest" || sort === "amount_desc" ? -ordered : ordered;
    };
    for (const sort of listSorts) {
      // Amounts are only sorted within one currency.
      for (const [filter, expected] of [
        ...(isAmountSort(sort) ? [] : [[{}, rows] as const]),
        [{ currency: "HKD" }, rows.filter((r) => r.currency === "HKD")],
        [{ currency: "UZS" }, rows.filter((r) => r.currency === "UZS")],
      ] as const) {
        const pages = await allPages({ ...prefix("KEYSET-"), ...filter, sort }, 7);
        const seen = pages.flat();
        expect(new Set(seen.map((r) => r.id)).size, `${sort} duplicates`).toBe(seen.length);
        expect(refs(seen), `${sort} ${JSON.stringify(filter)}`).toEqual(
          [...expected].sort(compare(sort)).map((r) => r.reference),
        );
        expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
      }
    }
  });

  it("cuts date ranges at midnight in the chosen zone, DST days included", async () => {
    await seed([
      { reference: "TZ-A", createdAt: "2024-03-09T15:59:59.999999Z", amountMinor: 100n },
      { reference: "TZ-B", createdAt: "2024-03-09T16:00:00.000000Z", amountMinor: 100n },
      { reference: "TZ-C", createdAt: "2024-03-10T04:59:59.999999Z", amountMinor: 100n },
      { reference: "TZ-D", createdAt: "2024-03-10T05:00:00.000000Z", amountMinor: 100n },
      { reference: "TZ-E", createdAt: "2024-03-10T15:59:59.999999Z", amountMinor: 100n },
      { reference: "TZ-F", createdAt: "2024-03-10T16:00:00.000000Z", amountMinor: 100n },
      { reference: "TZ-G", createdAt: "2024-03-10T23:59:59.999999Z", amountMinor: 100n },
      { reference: "TZ-H", createdAt: "2024-03-11T03:59:59.999999Z", amountMinor: 100n },
      { reference: "TZ-I", createdAt: "2024-03-11T04:00:00.000000Z", amountMinor: 100n },
    ]);
    const day = async (tz: string, extra: Record<string, string> = {}) =>
      refs(
        (await allPages({ q: "TZ-", sort: "oldest", from: "2024-03-10", to: "2024-03-10", tz, ...extra }, 50)).flat(),
      );
    expect(await day("Asia/Hong_Kong")).toEqual(["TZ-B", "TZ-C", "TZ-D", "TZ-E"]);
    expect(await day("UTC")).toEqual(["TZ-C", "TZ-D", "TZ-E", "TZ-F", "TZ-G"]);
    // New York, 2024-03-10 (clocks go forward): 05:00Z to 04:00Z next day, 23 hours.
    expect(await day("America/New_York")).toEqual(["TZ-D", "TZ-E", "TZ-F", "TZ-G", "TZ-H"]);
    // A minute-precision "to" includes that whole minute (TZ-C is 12:59:59.999999 in Hong Kong, TZ-D 13:00).
    const until = async (to: string) =>
      refs(
        (await allPages({ q: "TZ-", sort: "oldest", from: "2024-03-10T00:00", to, tz: "Asia/Hong_Kong" }, 50)).flat(),
      );
    expect(await until("2024-03-10T12:59")).toEqual(["TZ-B", "TZ-C"]);
    expect(await until("2024-03-10T13:00")).toEqual(["TZ-B", "TZ-C", "TZ-D"]);
  });

  it("filters amounts in exact minor units of the chosen currency", async () => {
    await seed([
      { reference: "AMT-HKD-1040", createdAt: "2024-06-01T00:00:00Z", amountMinor: 1040n, currency: "HKD" },
      { reference: "AMT-HKD-1050", createdAt: "2024-06-01T00:00:01Z", amountMinor: 1050n, currency: "HKD" },
      { reference: "AMT-HKD-2000", createdAt: "2024-06-01T00:00:02Z", amountMinor: 2000n, currency: "HKD" },
      { reference: "AMT-JPY-1050", createdAt: "2024-06-01T00:00:03Z", amountMinor: 1050n, currency: "JPY" },
      { reference: "AMT-KWD-1234", createdAt: "2024-06-01T00:00:04Z", amountMinor: 1234n, currency: "KWD" },
      { reference: "AMT-KWD-1235", createdAt: "2024-06-01T00:00:05Z", amountMinor: 1235n, currency: "KWD" },
    ]);
    const list = async (p: Record<string, string>) =>
      refs((await allPages({ q: "AMT-", sort: "amount_asc", ...p }, 50)).flat());
    expect(await list({ currency: "HKD", min: "10.5" })).toEqual(["AMT-HKD-1050", "AMT-HKD-2000"]);
    expect(await list({ currency: "HKD", min: "10.40", max: "10.50" })).toEqual(["AMT-HKD-1040", "AMT-HKD-1050"]);
    expect(await list({ currency: "JPY", min: "1050", max: "1050" })).toEqual(["AMT-JPY-1050"]);
    expect(await list({ currency: "KWD", max: "1.234" })).toEqual(["AMT-KWD-1234"]);
    // An amount without a currency is not applied (and the page says why).
    const ignored = parsePaymentListParams({ q: "AMT-", min: "10.5" });
    expect(ignored.error?.issues[0]?.path).toEqual(["min"]);
    expect(refs((await listPayments(t.db, ignored.filters)).rows)).toHaveLength(6);
  });

  it("finds payments by our id, the provider's id, the reference (start or end), the customer email and name, case-insensitively", async () => {
    const octoUuid = "6b6b4477-ab8b-49dc-97eb-638b15b9b3e9";
    const ids = await seed([
      {
        reference: "Inv-7781",
        createdAt: "2024-07-01T00:00:00Z",
        amountMinor: 100n,
        providerPaymentId: "pay_abcdefghijklmnopqrstuvwxyz",
        customerEmail: "Alice.Smith@Example.com",
        customerName: "Alice Smith",
      },
      {
        reference: "inv-7782",
        createdAt: "2024-07-01T00:00:01Z",
        amountMinor: 100n,
        provider: "octo",
        providerPaymentId: octoUuid,
        customerEmail: "bob@example.com",
      },
      {
        reference: "INVX7783",
        createdAt: "2024-07-01T00:00:02Z",
        amountMinor: 100n,
        providerPaymentId: "pay_zzzzzzzzzzzzzzzzzzzzzzzzzz",
        customerEmail: null,
      },
    ]);
    const find = async (q: string) =>
      refs((await listPayments(t.db, parsePaymentListParams({ q, sort: "oldest" }).filters)).rows);
    expect(await find(ids.get("INVX7783")!.toUpperCase())).toEqual(["INVX7783"]);
    expect(await find(octoUuid.toUpperCase())).toEqual(["inv-7782"]);
    expect(await find("pay_abcdef")).toEqual(["Inv-7781"]);
    expect(await find("PAY_ZZZZZZZZZZZZZZZZZZZZZZZZZZ")).toEqual(["INVX7783"]);
    expect(await find("alice.smith@EXAMPLE")).toEqual(["Inv-7781"]);
    expect(await find("INV-778")).toEqual(["Inv-7781", "inv-7782"]);
    expect(await find("bob")).toEqual(["inv-7782"]);
    // "_" is a literal underscore, not LIKE's any-character.
    expect(await find("inv_778")).toEqual([]);
    // The end of a reference, and the start of a customer name; never the middle of either.
    expect(await find("7781")).toEqual(["Inv-7781"]);
    expect(await find("X7783")).toEqual(["INVX7783"]);
    expect(await find("v-778")).toEqual([]);
    expect(await find("alice smi")).toEqual(["Inv-7781"]);
    expect(await find("ALICE")).toEqual(["Inv-7781"]);
    expect(await find("smith")).toEqual([]);
  });

  it("answers a prefix search the same whether it has few matches (read by key) or more than the candidate cap (the ordered walk)", async () => {
    const count = searchCandidateCap + 30;
    // Newest-first order is not reference order; every 7th is pending; one email also starts with the prefix (found once).
    await seed(
      Array.from({ length: count }, (_, i) => ({
        reference: `CAPS-${String(i).padStart(4, "0")}`,
        createdAt: new Date(Date.UTC(2024, 9, 1) + ((i * 7919) % count) * 60_000).toISOString(),
        amountMinor: 100n,
        status: i % 7 === 0 ? ("pending" as const) : ("captured" as const),
        customerEmail: i === 3 ? "caps-0003@example.com" : null,
      })),
    );
    const expected = (filter: (i: number) => boolean) =>
      Array.from({ length: count }, (_, i) => i)
        .filter(filter)
        .sort((a, b) => ((b * 7919) % count) - ((a * 7919) % count))
        .map((i) => `CAPS-${String(i).padStart(4, "0")}`);
    // More than the cap: the fallback plan.
    expect((await allPages({ q: "caps-", sort: "newest" }, 50)).flatMap(refs)).toEqual(expected(() => true));
    expect((await allPages({ q: "CAPS-", status: "pending", sort: "newest" }, 20)).flatMap(refs)).toEqual(
      expected((i) => i % 7 === 0),
    );
    // Under the cap: the candidates, fetched by key and sorted.
    expect((await allPages({ q: "caps-00", sort: "newest" }, 30)).flatMap(refs)).toEqual(expected((i) => i < 100));
    expect((await allPages({ q: "caps-00", status: "pending", sort: "newest" }, 5)).flatMap(refs)).toEqual(
      expected((i) => i < 100 && i % 7 === 0),
    );
    expect((await allPages({ q: "caps-9", sort: "newest" }, 5)).flatMap(refs)).toEqual([]);
  });

  it("combines provider, status and currency filters", async () => {
    await seed([
      {
        reference: "MIX-1",
        createdAt: "2024-08-01T00:00:00Z",
        amountMinor: 100n,
        provider: "checkout",
        status: "pending",
        currency: "HKD",
      },
      {
        reference: "MIX-2",
        createdAt: "2024-08-01T00:00:01Z",
        amountMinor: 100n,
        provider: "octo",
        status: "pending",
        currency: "UZS",
      },
      {
        reference: "MIX-3",
        createdAt: "2024-08-01T00:00:02Z",
        amountMinor: 100n,
        provider: "octo",
        status: "declined",
        currency: "UZS",
      },
      {
        reference: "MIX-4",
        createdAt: "2024-08-01T00:00:03Z",
        amountMinor: 100n,
        provider: "octo",
        status: "captured",
        currency: "UZS",
      },
    ]);
    const list = async (p: Record<string, string>) =>
      refs((await listPayments(t.db, parsePaymentListParams({ q: "MIX-", sort: "oldest", ...p }).filters)).rows);
    expect(await list({ provider: "octo" })).toEqual(["MIX-2", "MIX-3", "MIX-4"]);
    expect(await list({ status: "pending,declined" })).toEqual(["MIX-1", "MIX-2", "MIX-3"]);
    expect(await list({ provider: "octo", status: "pending" })).toEqual(["MIX-2"]);
    expect(await list({ currency: "hkd" })).toEqual(["MIX-1"]);
    expect(await list({ provider: "checkout", status: "captured" })).toEqual([]);
  });

  it("goes back a page to exactly the rows it came from, under every sort, and knows where the first page is", async () => {
    // 23 payments (8 in HKD, for the amount sorts), ties in every sort key.
    const rows: Seed[] = Array.from({ length: 23 }, (_, i) => ({
      reference: `BACK-${String(i).padStart(2, "0")}`,
      createdAt: `2024-09-0${1 + (i % 4)}T08:00:00.${String((i % 3) * 250).padStart(6, "0")}Z`,
      amountMinor: BigInt(100 * (1 + (i % 6))),
      currency: (["HKD", "UZS", "USD"] as const)[i % 3],
    }));
    await seed(rows);
    for (const sort of listSorts) {
      const list = (cursor?: string) => {
        const parsed = parsePaymentListParams({
          q: "BACK-",
          sort,
          ...(isAmountSort(sort) ? { currency: "HKD" } : {}),
          ...(cursor ? { cursor } : {}),
        });
        expect(parsed.error).toBeUndefined();
        return listPayments(t.db, parsed.filters, 5);
      };
      const pages = [await list()];
      expect(pages[0]!.previousCursor, `${sort}: the first page has no previous`).toBeNull();
      while (pages[pages.length - 1]!.nextCursor) pages.push(await list(pages[pages.length - 1]!.nextCursor!));
      expect(pages.map((p) => p.rows.length)).toEqual(isAmountSort(sort) ? [5, 3] : [5, 5, 5, 5, 3]);
      // Walk back from the last page to the first: each previous page is the page that led here.
      let page = pages[pages.length - 1]!;
      for (let i = pages.length - 2; i >= 0; i -= 1) {
        expect(page.previousCursor, `${sort}: page ${i + 2} has a previous page`).not.toBeNull();
        page = await list(page.previousCursor!);
        expect(refs(page.rows), `${sort}: back to page ${i + 1}`).toEqual(refs(pages[i]!.rows));
        // And forward again from a page reached backwards.
        expect(refs((await list(page.nextCursor!)).rows), `${sort}: forward from page ${i + 1}`).toEqual(
          refs(pages[i + 1]!.rows),
        );
      }
      expect(page.previousCursor, `${sort}: back at the start`).toBeNull();
    }
  });

  it("sorts by amount only within one currency, and without one says so and sorts newest first", async () => {
    await seed([
      { reference: "CUR-HKD-5", createdAt: "2024-10-01T00:00:00Z", amountMinor: 500n, currency: "HKD" },
      { reference: "CUR-UZS-1M", createdAt: "2024-10-01T00:00:01Z", amountMinor: 1_000_000n, currency: "UZS" },
      { reference: "CUR-HKD-900", createdAt: "2024-10-01T00:00:02Z", amountMinor: 90_000n, currency: "HKD" },
      { reference: "CUR-UZS-10", createdAt: "2024-10-01T00:00:03Z", amountMinor: 1_000n, currency: "UZS" },
    ]);
    expect(refs((await allPages({ q: "CUR-", sort: "amount_desc", currency: "HKD" }, 1)).flat())).toEqual([
      "CUR-HKD-900",
      "CUR-HKD-5",
    ]);
    expect(refs((await allPages({ q: "CUR-", sort: "amount_asc", currency: "UZS" }, 1)).flat())).toEqual([
      "CUR-UZS-10",
      "CUR-UZS-1M",
    ]);
    const mixed = parsePaymentListParams({ q: "CUR-", sort: "amount_desc" });
    expect(mixed.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`)).toEqual([
      "sort needs a currency: amounts in different currencies are not compared",
    ]);
    expect(mixed.filters.sort).toBe("newest");
    expect(mixed.params).toEqual({ q: "CUR-" });
    expect(refs((await listPayments(t.db, mixed.filters)).rows)).toEqual([
      "CUR-UZS-10",
      "CUR-HKD-900",
      "CUR-UZS-1M",
      "CUR-HKD-5",
    ]);
  });

  it("counts the matching payments exactly up to the cap, with captured, refunded and net per status and currency", async () => {
    await seed([
      {
        reference: "SUM-1",
        createdAt: "2024-11-01T00:00:00Z",
        amountMinor: 10_000n,
        capturedMinor: 10_000n,
        refundedMinor: 10_000n,
      },
      {
        reference: "SUM-2",
        createdAt: "2024-11-01T00:00:01Z",
        amountMinor: 20_000n,
        capturedMinor: 20_000n,
        refundedMinor: 5_000n,
      },
      { reference: "SUM-3", createdAt: "2024-11-01T00:00:02Z", amountMinor: 30_000n, capturedMinor: 30_000n },
      { reference: "SUM-4", createdAt: "2024-11-01T00:00:03Z", amountMinor: 40_000n, status: "declined" },
      {
        reference: "SUM-5",
        createdAt: "2024-11-01T00:00:04Z",
        amountMinor: 7_000_000n,
        capturedMinor: 7_000_000n,
        refundedMinor: 100_000n,
        currency: "UZS",
        provider: "octo",
      },
    ]);
    const summary = (p: Record<string, string>, cap?: number) =>
      summarizePayments(t.db, parsePaymentListParams({ q: "SUM-", ...p }).filters, cap);
    expect(await summary({})).toEqual({
      exact: true,
      count: 5,
      totals: [
        {
          status: "captured",
          currency: "HKD",
          count: 3,
          capturedMinor: 60_000n,
          refundedMinor: 15_000n,
          netMinor: 45_000n,
        },
        {
          status: "captured",
          currency: "UZS",
          count: 1,
          capturedMinor: 7_000_000n,
          refundedMinor: 100_000n,
          netMinor: 6_900_000n,
        },
        { status: "declined", currency: "HKD", count: 1, capturedMinor: 0n, refundedMinor: 0n, netMinor: 0n },
      ],
    });
    // Not just this page: every match, whatever the cursor.
    const firstPage = await listPayments(t.db, parsePaymentListParams({ q: "SUM-" }).filters, 2);
    expect(await summary({ cursor: firstPage.nextCursor! })).toMatchObject({ exact: true, count: 5 });
    expect(await summary({ status: "declined" })).toMatchObject({ exact: true, count: 1 });
    expect(await summary({ q: "SUM-none" })).toEqual({ exact: true, count: 0, totals: [] });
    // Past the cap: "more than", and no partial totals.
    expect(await summary({}, 4)).toEqual({ exact: false, moreThan: 4 });
    expect(await summary({}, 5)).toMatchObject({ exact: true, count: 5 });
    // Without a search (the ordered walk, not candidates) the cap holds as well.
    expect(await summarizePayments(t.db, parsePaymentListParams({}).filters, 3)).toEqual({ exact: false, moreThan: 3 });
  });

  it("offers the currencies the ledger holds, ISO 4217 codes only", async () => {
    await seed([
      { reference: "LC-1", createdAt: "2024-12-01T00:00:00Z", amountMinor: 1n, currency: "RUB" },
      { reference: "LC-2", createdAt: "2024-12-01T00:00:01Z", amountMinor: 1n, currency: "ZZZ" },
    ]);
    const present = await t.db.selectDistinct({ currency: payments.currency }).from(payments);
    const expected = present
      .map((p) => p.currency)
      .filter((c) => c !== "ZZZ")
      .sort();
    expect(await ledgerCurrencies(t.db)).toEqual(expected);
    expect(expected).toContain("RUB");
  });
});
