import { and, count, eq, inArray, sql, sum } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { payments } from "@/drizzle/schema/payments";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { parsePaymentListParams } from "@/lib/domain/payments/list/params";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { parseCsv } from "@/lib/platform/csv/csv";
import { csvStream } from "@/lib/platform/csv/csv-stream";
import { exportColumns, paymentsCsv, trailerColumns, type PaymentsExportSummary } from "./payments-csv";

let t: TestDatabase;

const nasty = [
  '=cmd|" /C calc"!A0',
  "+SUM(1,2)",
  "-10",
  "@user",
  'quote " inside',
  "comma, inside",
  "line\r\nbreak",
  "\ttab",
  "  spaced  ",
  "Zoë ✓ 支付",
  "x;=SUM(1+1)",
];

beforeAll(async () => {
  t = await createTestDatabase();
  await t.db.execute(sql`
    insert into payments (provider, flow, status, provider_payment_id, reference, amount_minor, currency, captured_minor, refund_reserved_minor, refunded_minor, customer_email, created_at)
    select
      (case when g % 2 = 0 then 'checkout' else 'octo' end),
      'external',
      (array['pending','captured','declined'])[1 + g % 3]::payment_status,
      'pay_' || lpad(g::text, 26, '0'),
      'CSV-' || g,
      case when g = 1 then 9223372036854775807 else 1 + (g * 7919) % 1000003 end,
      (array['HKD','UZS','JPY','KWD'])[1 + g % 4],
      a.captured,
      a.refunded,
      a.refunded,
      'c' || g || '@example.test',
      timestamptz '2024-03-09 15:00:00+00' + g * interval '1 minute'
    from generate_series(1, 1234) g
    -- Captured payments: every 10th refunded in full, every 7th in part (the rest not at all).
    cross join lateral (select case when g % 3 = 1 then (case when g = 1 then 9223372036854775807 else 1 + (g * 7919) % 1000003 end) else 0 end as captured) c
    cross join lateral (select c.captured, case when g % 10 = 0 then c.captured when g % 7 = 0 then c.captured / 2 else 0 end as refunded) a`);
  await t.db.insert(payments).values(
    nasty.map((reference, i) => ({
      provider: "checkout" as const,
      flow: "external" as const,
      status: "captured" as const,
      reference,
      amountMinor: BigInt(1000 + i),
      currency: "HKD",
      customerName: reference,
      createdAt: new Date(Date.UTC(2024, 5, 1, 0, 0, i)),
    })),
  );
});
afterAll(() => t?.dispose());

async function exportText(
  params: Record<string, string>,
  batchSize: number,
): Promise<{ text: string; summary: PaymentsExportSummary }> {
  const parsed = parsePaymentListParams(params);
  expect(parsed.error).toBeUndefined();
  let summary: PaymentsExportSummary | undefined;
  const text = await new Response(
    csvStream(paymentsCsv(t.db, parsed.filters, { batchSize }), async (s) => {
      summary = s;
    }),
  ).text();
  return { text, summary: summary! };
}

function sections(text: string) {
  const [body = "", trailer = ""] = text.split("\r\n\r\n");
  const records = parseCsv(body);
  const trailerRecords = parseCsv(trailer);
  return {
    header: records[0]!,
    rows: records.slice(1),
    trailerHeader: trailerRecords[0]!,
    trailer: trailerRecords.slice(1),
  };
}

describe(`payments CSV export (${testDatabaseKind})`, () => {
  it("streams every matching payment once, in batches, with control totals equal to the database's", async () => {
    const { text, summary } = await exportText({ sort: "oldest" }, 100);
    const { header, rows, trailerHeader, trailer } = sections(text);
    expect(header).toEqual([...exportColumns]);
    expect(trailerHeader).toEqual([...trailerColumns]);
    const [dbCount] = await t.db.select({ n: count() }).from(payments);
    expect(rows).toHaveLength(dbCount!.n);
    expect(new Set(rows.map((r) => r[0])).size).toBe(rows.length);
    expect(summary.rowCount).toBe(rows.length);

    const col = (name: (typeof exportColumns)[number]) => exportColumns.indexOf(name);
    // Per status and currency: captured, refunded and net, never a gross of every status's amount.
    const dbTotals = await t.db
      .select({
        status: payments.status,
        currency: payments.currency,
        n: count(),
        captured: sum(payments.capturedMinor),
        refunded: sum(payments.refundedMinor),
      })
      .from(payments)
      .groupBy(payments.status, payments.currency)
      .orderBy(payments.currency, payments.status);
    const money = (minor: bigint, currency: string) => [minor.toString(), minorToMajorString(minor, currency)];
    const expected = dbTotals.map((d) => {
      const captured = BigInt(d.captured!);
      const refunded = BigInt(d.refunded!);
      return [
        "total",
        d.status,
        d.currency,
        String(d.n),
        ...money(captured, d.currency),
        ...money(refunded, d.currency),
        ...money(captured - refunded, d.currency),
      ];
    });
    const currencies = [...new Set(dbTotals.map((d) => d.currency))];
    const perCurrency = currencies.map((currency) => {
      const of = dbTotals.filter((d) => d.currency === currency);
      const captured = of.reduce((acc, d) => acc + BigInt(d.captured!), 0n);
      const refunded = of.reduce((acc, d) => acc + BigInt(d.refunded!), 0n);
      return [
        "total",
        "ALL",
        currency,
        String(of.reduce((acc, d) => acc + d.n, 0)),
        ...money(captured, currency),
        ...money(refunded, currency),
        ...money(captured - refunded, currency),
      ];
    });
    expect(trailer).toEqual([...expected, ...perCurrency, ["total", "ALL", "ALL", String(dbCount!.n)]]);
    expect(dbTotals.some((d) => d.status === "captured" && BigInt(d.refunded!) > 0n)).toBe(true);
    // And the trailer agrees with the rows of the file itself.
    for (const currency of currencies) {
      const fileSum = (name: "captured_minor" | "refunded_minor" | "net_minor") =>
        rows
          .filter((r) => r[col("currency")] === currency)
          .reduce((acc, r) => acc + BigInt(r[col(name)]!), 0n)
          .toString();
      const all = perCurrency.find((r) => r[2] === currency)!;
      expect([fileSum("captured_minor"), fileSum("refunded_minor"), fileSum("net_minor")]).toEqual([
        all[4],
        all[6],
        all[8],
      ]);
    }
    // Each row: refunded and net beside captured, and the refund state in words.
    for (const r of rows) {
      const [captured, refunded, net] = [
        BigInt(r[col("captured_minor")]!),
        BigInt(r[col("refunded_minor")]!),
        BigInt(r[col("net_minor")]!),
      ];
      expect(net).toBe(captured - refunded);
      expect(r[col("refund_state")]).toBe(
        refunded === 0n ? "" : refunded === captured ? "Refunded" : "Partially refunded",
      );
    }
    expect(new Set(rows.map((r) => r[col("refund_state")]))).toEqual(new Set(["", "Refunded", "Partially refunded"]));
    // Amounts beyond 2^53 stay exact in both columns.
    const biggest = rows[0]!;
    expect(biggest[col("amount_minor")]).toBe("9223372036854775807");
    expect(biggest[col("currency")]).toBe("UZS");
    expect(biggest[col("amount_major")]).toBe("92233720368547758.07");
  });

  it("applies the filters, writes times in the chosen zone with their offset, and names the zone", async () => {
    const { text } = await exportText(
      { currency: "HKD", status: "captured", tz: "Asia/Hong_Kong", sort: "oldest", to: "2024-03-10" },
      7,
    );
    const { rows, trailer } = sections(text);
    const col = (name: (typeof exportColumns)[number]) => exportColumns.indexOf(name);
    const [expected] = await t.db
      .select({ n: count(), captured: sum(payments.capturedMinor), refunded: sum(payments.refundedMinor) })
      .from(payments)
      .where(
        and(
          eq(payments.currency, "HKD"),
          inArray(payments.status, ["captured"]),
          sql`${payments.createdAt} < '2024-03-10T16:00:00Z'`,
        ),
      );
    expect(rows.length).toBe(expected!.n);
    expect(rows.length).toBeGreaterThan(0);
    const captured = BigInt(expected!.captured!);
    const refunded = BigInt(expected!.refunded!);
    const money = (minor: bigint) => [minor.toString(), minorToMajorString(minor, "HKD")];
    const hkd = [String(expected!.n), ...money(captured), ...money(refunded), ...money(captured - refunded)];
    expect(trailer).toEqual([
      ["total", "captured", "HKD", ...hkd],
      ["total", "ALL", "HKD", ...hkd],
      ["total", "ALL", "ALL", String(expected!.n)],
    ]);
    for (const r of rows) {
      expect(r[col("currency")]).toBe("HKD");
      expect(r[col("status")]).toBe("captured");
      expect(r[col("time_zone")]).toBe("Asia/Hong_Kong");
      expect(r[col("created_at")]).toMatch(/^2024-03-(09|10)T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    }
    // The oldest HKD captured payment is g = 4: 2024-03-09 15:04Z, shown at +08:00.
    expect(rows[0]![col("created_at")]).toBe("2024-03-09T23:04:00.000+08:00");
  });

  it("escapes commas, quotes and line breaks, and neutralises formula cells", async () => {
    const { text } = await exportText({ from: "2024-06-01", to: "2024-06-01", sort: "oldest" }, 3);
    const { rows } = sections(text);
    const col = (name: (typeof exportColumns)[number]) => exportColumns.indexOf(name);
    const guarded = (c: string) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c);
    expect(rows.map((r) => r[col("reference")])).toEqual(nasty.map(guarded));
    expect(rows.map((r) => r[col("customer_name")])).toEqual(nasty.map(guarded));
    expect(text).toContain(`"'=cmd|"" /C calc""!A0"`);
    expect(text).not.toMatch(/(^|,)=cmd/m);
    // A semicolon-separated spreadsheet must not split the cell and find a formula after it.
    expect(text).toContain(`,"x;=SUM(1+1)",`);
  });

  it("an empty result is a header and a zero trailer", async () => {
    const { text, summary } = await exportText({ q: "no-such-reference" }, 50);
    const { rows, trailer } = sections(text);
    expect(rows).toEqual([]);
    expect(trailer).toEqual([["total", "ALL", "ALL", "0"]]);
    expect(summary).toEqual({ rowCount: 0, totals: [] });
  });
});
