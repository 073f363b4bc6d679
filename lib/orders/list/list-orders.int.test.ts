import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { orders } from "@/drizzle/schema/orders";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/testing/test-database";
import { ordersCsv } from "./orders-csv";
import { parseOrderListParams } from "./params";
import { listOrders } from "./query";

describe(`orders list [${testDatabaseKind}]`, () => {
  let database: TestDatabase;
  const base = Date.UTC(2026, 0, 10, 12);

  beforeAll(async () => {
    database = await createTestDatabase();
    const rows = Array.from({ length: 7 }, (_, i) => ({
      vertical: (["voucher", "topup", "esim"] as const)[i % 3]!,
      status: i === 4 ? ("failed" as const) : ("delivered" as const),
      clientReference: `ORD-LIST-${i}`,
      providerOrderId: 9000 + i,
      productId: 1,
      productName: `Product ${i}`,
      faceValueMinor: 1000n,
      faceValueCurrency: "USD",
      walletId: 1,
      chargeMinor: BigInt(100 * (i + 1)),
      chargeCurrency: i % 2 ? "HKD" : "USD",
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
    const run = async (raw: Record<string, string>) => (await listOrders(database.db, parseOrderListParams(raw).filters)).rows.map((r) => r.clientReference).sort();
    expect(await run({ vertical: "topup" })).toEqual(["ORD-LIST-1", "ORD-LIST-4"]);
    expect(await run({ status: "failed" })).toEqual(["ORD-LIST-4"]);
    expect(await run({ from: "2026-01-11", to: "2026-01-12" })).toEqual(["ORD-LIST-1", "ORD-LIST-2"]);
    expect(await run({ q: "9003" })).toEqual(["ORD-LIST-3"]);
    expect(await run({ q: "ORD-LIST-6" })).toEqual(["ORD-LIST-6"]);
    const bad = parseOrderListParams({ status: "lost", vertical: "esim" });
    expect(bad.error?.issues.map((i) => i.path[0])).toEqual(["status"]);
    expect(bad.params).toEqual({ vertical: "esim" });
  });

  it("exports the filtered rows with exact control totals per charge currency", async () => {
    let text = "";
    const generator = ordersCsv(database.db, parseOrderListParams({ vertical: "voucher" }).filters, { batchSize: 1 });
    for (;;) {
      const next = await generator.next();
      if (next.done) {
        expect(next.value.rowCount).toBe(3);
        break;
      }
      text += next.value;
    }
    const lines = text.trim().split("\r\n");
    expect(lines[0]).toContain("order_id,created_at,vertical");
    // Vouchers are rows 0, 3, 6: USD 1.00 + 7.00, HKD 4.00.
    expect(lines).toContain("total,USD,2,800,8.00");
    expect(lines).toContain("total,HKD,1,400,4.00");
    expect(lines).toContain("total,ALL,3,,");
  });
});
