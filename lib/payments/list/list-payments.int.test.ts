import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/testing/test-database";
import { parsePaymentListParams } from "./params";
import { listPayments, searchCandidateCap, type PaymentListRow } from "./query";
import { paymentSorts, type PaymentSort } from "./sort";

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
    const compare = (sort: PaymentSort) => (a: Seed, b: Seed) => {
      const ida = ids.get(a.reference)!;
      const idb = ids.get(b.reference)!;
      const key =
        sort === "newest" || sort === "oldest" ? a.createdAt.localeCompare(b.createdAt) : a.amountMinor < b.amountMinor ? -1 : a.amountMinor > b.amountMinor ? 1 : 0;
      const ordered = key !== 0 ? key : ida < idb ? -1 : ida > idb ? 1 : 0;
      return sort === "newest" || sort === "amount_desc" ? -ordered : ordered;
    };
    for (const sort of paymentSorts) {
      for (const [filter, expected] of [
        [{}, rows],
        [{ currency: "HKD" }, rows.filter((r) => r.currency === "HKD")],
      ] as const) {
        const pages = await allPages({ ...prefix("KEYSET-"), ...filter, sort }, 7);
        const seen = pages.flat();
        expect(new Set(seen.map((r) => r.id)).size, `${sort} duplicates`).toBe(seen.length);
        expect(refs(seen), `${sort} ${JSON.stringify(filter)}`).toEqual([...expected].sort(compare(sort)).map((r) => r.reference));
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
      refs((await allPages({ q: "TZ-", sort: "oldest", from: "2024-03-10", to: "2024-03-10", tz, ...extra }, 50)).flat());
    expect(await day("Asia/Hong_Kong")).toEqual(["TZ-B", "TZ-C", "TZ-D", "TZ-E"]);
    expect(await day("UTC")).toEqual(["TZ-C", "TZ-D", "TZ-E", "TZ-F", "TZ-G"]);
    // New York, 2024-03-10 (clocks go forward): 05:00Z to 04:00Z next day, 23 hours.
    expect(await day("America/New_York")).toEqual(["TZ-D", "TZ-E", "TZ-F", "TZ-G", "TZ-H"]);
    // A minute-precision "to" includes that whole minute (TZ-C is 12:59:59.999999 in Hong Kong, TZ-D 13:00).
    const until = async (to: string) => refs((await allPages({ q: "TZ-", sort: "oldest", from: "2024-03-10T00:00", to, tz: "Asia/Hong_Kong" }, 50)).flat());
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
    const list = async (p: Record<string, string>) => refs((await allPages({ q: "AMT-", sort: "amount_asc", ...p }, 50)).flat());
    expect(await list({ currency: "HKD", min: "10.5" })).toEqual(["AMT-HKD-1050", "AMT-HKD-2000"]);
    expect(await list({ currency: "HKD", min: "10.40", max: "10.50" })).toEqual(["AMT-HKD-1040", "AMT-HKD-1050"]);
    expect(await list({ currency: "JPY", min: "1050", max: "1050" })).toEqual(["AMT-JPY-1050"]);
    expect(await list({ currency: "KWD", max: "1.234" })).toEqual(["AMT-KWD-1234"]);
    // An amount without a currency is not applied (and the page says why).
    const ignored = parsePaymentListParams({ q: "AMT-", min: "10.5" });
    expect(ignored.error?.issues[0]?.path).toEqual(["min"]);
    expect(refs((await listPayments(t.db, ignored.filters)).rows)).toHaveLength(6);
  });

  it("finds payments by our id, the provider's id, the reference and the customer email, case-insensitively", async () => {
    const octoUuid = "6b6b4477-ab8b-49dc-97eb-638b15b9b3e9";
    const ids = await seed([
      { reference: "Inv-7781", createdAt: "2024-07-01T00:00:00Z", amountMinor: 100n, providerPaymentId: "pay_abcdefghijklmnopqrstuvwxyz", customerEmail: "Alice.Smith@Example.com" },
      { reference: "inv-7782", createdAt: "2024-07-01T00:00:01Z", amountMinor: 100n, provider: "octo", providerPaymentId: octoUuid, customerEmail: "bob@example.com" },
      { reference: "INVX7783", createdAt: "2024-07-01T00:00:02Z", amountMinor: 100n, providerPaymentId: "pay_zzzzzzzzzzzzzzzzzzzzzzzzzz", customerEmail: null },
    ]);
    const find = async (q: string) => refs((await listPayments(t.db, parsePaymentListParams({ q, sort: "oldest" }).filters)).rows);
    expect(await find(ids.get("INVX7783")!.toUpperCase())).toEqual(["INVX7783"]);
    expect(await find(octoUuid.toUpperCase())).toEqual(["inv-7782"]);
    expect(await find("pay_abcdef")).toEqual(["Inv-7781"]);
    expect(await find("PAY_ZZZZZZZZZZZZZZZZZZZZZZZZZZ")).toEqual(["INVX7783"]);
    expect(await find("alice.smith@EXAMPLE")).toEqual(["Inv-7781"]);
    expect(await find("INV-778")).toEqual(["Inv-7781", "inv-7782"]);
    expect(await find("bob")).toEqual(["inv-7782"]);
    // "_" is a literal underscore, not LIKE's any-character.
    expect(await find("inv_778")).toEqual([]);
    // Prefix, not contains.
    expect(await find("7781")).toEqual([]);
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
    expect((await allPages({ q: "CAPS-", status: "pending", sort: "newest" }, 20)).flatMap(refs)).toEqual(expected((i) => i % 7 === 0));
    // Under the cap: the candidates, fetched by key and sorted.
    expect((await allPages({ q: "caps-00", sort: "newest" }, 30)).flatMap(refs)).toEqual(expected((i) => i < 100));
    expect((await allPages({ q: "caps-00", status: "pending", sort: "newest" }, 5)).flatMap(refs)).toEqual(expected((i) => i < 100 && i % 7 === 0));
    expect((await allPages({ q: "caps-9", sort: "newest" }, 5)).flatMap(refs)).toEqual([]);
  });

  it("combines provider, status and currency filters", async () => {
    await seed([
      { reference: "MIX-1", createdAt: "2024-08-01T00:00:00Z", amountMinor: 100n, provider: "checkout", status: "pending", currency: "HKD" },
      { reference: "MIX-2", createdAt: "2024-08-01T00:00:01Z", amountMinor: 100n, provider: "octo", status: "pending", currency: "UZS" },
      { reference: "MIX-3", createdAt: "2024-08-01T00:00:02Z", amountMinor: 100n, provider: "octo", status: "declined", currency: "UZS" },
      { reference: "MIX-4", createdAt: "2024-08-01T00:00:03Z", amountMinor: 100n, provider: "octo", status: "captured", currency: "UZS" },
    ]);
    const list = async (p: Record<string, string>) => refs((await listPayments(t.db, parsePaymentListParams({ q: "MIX-", sort: "oldest", ...p }).filters)).rows);
    expect(await list({ provider: "octo" })).toEqual(["MIX-2", "MIX-3", "MIX-4"]);
    expect(await list({ status: "pending,declined" })).toEqual(["MIX-1", "MIX-2", "MIX-3"]);
    expect(await list({ provider: "octo", status: "pending" })).toEqual(["MIX-2"]);
    expect(await list({ currency: "hkd" })).toEqual(["MIX-1"]);
    expect(await list({ provider: "checkout", status: "captured" })).toEqual([]);
  });
});
