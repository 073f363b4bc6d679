import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { users } from "@/drizzle/schema/auth";
import { orders } from "@/drizzle/schema/orders";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { parseCsv } from "@/lib/platform/csv/csv";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import {
  orderExportColumns,
  orderTotalsColumns,
  ordersCsv,
  ordersTotalsCsv,
  type OrdersExportSummary,
} from "./orders-csv";
import { parseOrderListParams } from "./params";
import { listOrders } from "./query";
import { orderControlTotals, summarizeOrders } from "./totals";

describe(`orders list [${testDatabaseKind}]`, () => {
  let database: TestDatabase;
  const base = Date.UTC(2026, 0, 10, 12);

  beforeAll(async () => {
    database = await createTestDatabase();
    const [placer] = await database.db
      .insert(users)
      .values({ email: "ops.manager@shop.test", name: "Olivia Ops", role: "merchant", passwordHash: "x" })
      .returning({ id: users.id });
    const rows = Array.from({ length: 7 }, (_, i) => ({
      vertical: (["voucher", "topup", "esim"] as const)[i % 3]!,
      status: i === 4 ? ("failed" as const) : i === 3 ? ("partially_delivered" as const) : ("delivered" as const),
      clientReference: `ORD-LIST-${i}`,
      providerOrderId: 9000 + i,
      productId: 1,
      productName: `Product ${i}`,
      quantity: i === 3 ? 4 : 1,
      deliveredQuantity: i === 3 ? 2 : i === 4 ? 0 : null,
      faceValueMinor: 1000n,
      faceValueCurrency: "USD",
      walletId: 1,
      chargeMinor: BigInt(100 * (i + 1)),
      chargeCurrency: i % 2 ? "HKD" : "USD",
      // The partial delivery gave back half, the failure all of it (set directly: the refund paths are not under test here).
      refundedMinor: i === 3 ? 200n : i === 4 ? 500n : 0n,
      details: i === 1 ? { inputData: { phone_number: "+85251234567" } } : i === 0 ? { email: "buyer@shop.test" } : {},
      failureCode: i === 4 ? "OPERATOR_REJECTED" : null,
      failureReason: i === 4 ? "The operator rejected the order" : null,
      esimIccid: i === 2 ? "8985200001234567890" : null,
      esimActivationStatus: i === 2 ? "ACTIVE" : null,
      esimInstalledAt: i === 2 ? new Date(base + 3 * 86_400_000) : null,
      placedBy: i < 3 ? placer!.id : null,
      // Two rows share a created_at, so the keyset must order by id too.
      createdAt: new Date(base + Math.min(i, 5) * 86_400_000),
    }));
    await database.db.insert(orders).values(rows);
  }, 120_000);
  afterAll(async () => database?.close());

  it("pages newest first by keyset without losing or repeating a row", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let page = 0; page < 5; page++) {
      const { filters } = parseOrderListParams(cursor ? { cursor } : {});
      const result = await listOrders(database.db, filters, 3);
      seen.push(...result.rows.map((r) => r.clientReference));
      if (!result.nextCursor) break;
      cursor = result.nextCursor;
    }
    expect(seen).toHaveLength(7);
    expect(new Set(seen).size).toBe(7);
    expect(seen.slice(2)).toEqual(["ORD-LIST-4", "ORD-LIST-3", "ORD-LIST-2", "ORD-LIST-1", "ORD-LIST-0"]);
  });

  it("filters by vertical, status, date range and reference; bad values are ignored and named", async () => {
    const run = async (raw: Record<string, string>) =>
      (await listOrders(database.db, parseOrderListParams(raw).filters)).rows.map((r) => r.clientReference).sort();
    expect(await run({ vertical: "topup" })).toEqual(["ORD-LIST-1", "ORD-LIST-4"]);
    expect(await run({ status: "failed" })).toEqual(["ORD-LIST-4"]);
    expect(await run({ status: "partially_delivered" })).toEqual(["ORD-LIST-3"]);
    expect(await run({ from: "2026-01-11", to: "2026-01-12" })).toEqual(["ORD-LIST-1", "ORD-LIST-2"]);
    expect(await run({ q: "9003" })).toEqual(["ORD-LIST-3"]);
    expect(await run({ q: "ORD-LIST-6" })).toEqual(["ORD-LIST-6"]);
    const bad = parseOrderListParams({ status: "lost", vertical: "esim" });
    expect(bad.error?.issues.map((i) => i.path[0])).toEqual(["status"]);
    expect(bad.params).toEqual({ vertical: "esim" });
  });

  it("lists who placed each order, its refunded amount, delivery count and eSIM state", async () => {
    const { rows } = await listOrders(database.db, parseOrderListParams({}).filters);
    const byReference = new Map(rows.map((r) => [r.clientReference, r]));
    expect(byReference.get("ORD-LIST-0")).toMatchObject({
      placedByEmail: "ops.manager@shop.test",
      placedByName: "Olivia Ops",
      details: { email: "buyer@shop.test" },
    });
    expect(byReference.get("ORD-LIST-5")).toMatchObject({ placedByEmail: null, placedByName: null });
    expect(byReference.get("ORD-LIST-3")).toMatchObject({
      quantity: 4,
      deliveredQuantity: 2,
      refundedMinor: 200n,
      chargeMinor: 400n,
    });
    expect(byReference.get("ORD-LIST-2")).toMatchObject({
      esimIccid: "8985200001234567890",
      esimActivationStatus: "ACTIVE",
    });
  });

  async function exportOf(
    raw: Record<string, string>,
    batchSize: number,
  ): Promise<{ text: string; summary: OrdersExportSummary }> {
    let text = "";
    const generator = ordersCsv(database.db, parseOrderListParams(raw).filters, { batchSize });
    for (;;) {
      const next = await generator.next();
      if (next.done) return { text, summary: next.value };
      text += next.value;
    }
  }

  it("exports one clean table: a header row, then one record of the same width per order and nothing else", async () => {
    const { text, summary } = await exportOf({}, 2);
    const [header, ...records] = parseCsv(text);
    expect(header).toEqual([...orderExportColumns]);
    expect(records).toHaveLength(7);
    expect(summary.rowCount).toBe(7);
    for (const record of records) expect(record).toHaveLength(orderExportColumns.length);
    expect(text.endsWith("\r\n") && !text.includes("\r\n\r\n")).toBe(true);
    const record = (reference: string) =>
      Object.fromEntries(orderExportColumns.map((c, i) => [c, records.find((r) => r.includes(reference))![i]]));
    expect(record("ORD-LIST-3")).toMatchObject({
      status: "partially_delivered",
      delivered: "2 of 4",
      currency: "HKD",
      charged_minor: "400",
      refunded_minor: "200",
      net_minor: "200",
      net_major: "2.00",
    });
    expect(record("ORD-LIST-4")).toMatchObject({
      failure_code: "OPERATOR_REJECTED",
      failure_reason: "The operator rejected the order.",
      net_minor: "0",
    });
    // A leading + would be read as a formula: the CSV encoder guards it with an apostrophe.
    expect(record("ORD-LIST-1")).toMatchObject({
      recipient: "'+85251234567",
      placed_by_email: "ops.manager@shop.test",
      placed_by_name: "Olivia Ops",
    });
    expect(record("ORD-LIST-2")).toMatchObject({
      esim_iccid: "8985200001234567890",
      esim_status: "Installed, active",
      esim_installed_at: "2026-01-13T12:00:00.000Z",
    });
  });

  /** Per currency from the CSV's own records: what the totals file must equal. */
  function sumOfRecords(text: string) {
    const [header, ...records] = parseCsv(text);
    const column = (name: string) => header!.indexOf(name);
    const sums = new Map<string, { count: number; charged: bigint; refunded: bigint; net: bigint }>();
    for (const record of records) {
      const currency = record[column("currency")]!;
      const sum = sums.get(currency) ?? { count: 0, charged: 0n, refunded: 0n, net: 0n };
      sum.count += 1;
      sum.charged += BigInt(record[column("charged_minor")]!);
      sum.refunded += BigInt(record[column("refunded_minor")]!);
      sum.net += BigInt(record[column("net_minor")]!);
      sums.set(currency, sum);
    }
    return sums;
  }

  it.each<Record<string, string>>([
    {},
    { vertical: "voucher" },
    { status: "delivered" },
    { from: "2026-01-13" },
    { q: "ORD-LIST-9" },
  ])("control totals (file and page) equal the sum of the exported rows for %o", async (raw) => {
    const { text, summary } = await exportOf(raw, 1);
    const expected = [...sumOfRecords(text)]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([currency, s]) => ({
        currency,
        orderCount: s.count,
        chargedMinor: s.charged,
        refundedMinor: s.refunded,
        netMinor: s.net,
      }));
    const filters = parseOrderListParams(raw).filters;
    const totals = await orderControlTotals(database.db, filters);
    expect(totals).toEqual(expected);
    expect(summary.totals).toEqual(expected);
    expect(await summarizeOrders(database.db, filters)).toEqual({
      exact: true,
      count: summary.rowCount,
      totals: expected,
    });

    const [header, ...records] = parseCsv(ordersTotalsCsv(totals, new Date(Date.UTC(2026, 1, 1))));
    expect(header).toEqual([...orderTotalsColumns]);
    for (const record of records) expect(record).toHaveLength(orderTotalsColumns.length);
    expect(records.at(-1)).toEqual([
      "ALL",
      String(summary.rowCount),
      "",
      "",
      "",
      "",
      "",
      "",
      "2026-02-01T00:00:00.000Z",
    ]);
    expect(records.slice(0, -1).map((r) => r.slice(0, 8))).toEqual(
      expected.map((t) => [
        t.currency,
        String(t.orderCount),
        ...[t.chargedMinor, t.refundedMinor, t.netMinor].flatMap((minor) => [
          String(minor),
          minorToMajorString(minor, t.currency),
        ]),
      ]),
    );
  });

  it("the voucher totals net of refunds, and the page gives none past its cap", async () => {
    // Vouchers are rows 0, 3, 6: USD 1.00 + 7.00; HKD 4.00 of which 2.00 given back.
    expect(await orderControlTotals(database.db, parseOrderListParams({ vertical: "voucher" }).filters)).toEqual([
      { currency: "HKD", orderCount: 1, chargedMinor: 400n, refundedMinor: 200n, netMinor: 200n },
      { currency: "USD", orderCount: 2, chargedMinor: 800n, refundedMinor: 0n, netMinor: 800n },
    ]);
    expect(await summarizeOrders(database.db, parseOrderListParams({}).filters, 6)).toEqual({
      exact: false,
      moreThan: 6,
    });
    expect(await summarizeOrders(database.db, parseOrderListParams({}).filters, 7)).toMatchObject({
      exact: true,
      count: 7,
    });
  });
});
