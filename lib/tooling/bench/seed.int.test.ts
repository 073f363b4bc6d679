import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openPgliteBench, type BenchDatabase } from "./bench-database";
import { seedBenchData } from "./seed";

/**
 * The benchmark's set-based seed, at a tiny size: it must keep working as the schema changes (it
 * writes SQL by hand), and the overview's money slots must follow its one-statement bulk insert.
 */
describe("bench seed [pglite]", () => {
  let bench: BenchDatabase;
  beforeAll(async () => {
    bench = await openPgliteBench();
  }, 120_000);
  afterAll(async () => bench?.close());

  it("fills every table it seeds, and the money slots equal a recount of the payments", async () => {
    await seedBenchData(bench, { payments: 300, refunds: 90, orders: 30 });
    const count = async (table: string) => {
      const rows = await bench.db.execute<{ n: number }>(sql.raw(`select count(*)::int as n from ${table}`));
      return ((rows as unknown as { rows?: { n: number }[] }).rows ?? (rows as unknown as { n: number }[]))[0]?.n;
    };
    expect(await count("payments")).toBe(300);
    expect(await count("refunds")).toBe(90);
    expect(await count("orders")).toBe(30);

    const totals = async (query: string) => {
      const rows = await bench.db.execute<{ currency: string; captured: string; refunded: string }>(sql.raw(query));
      return (rows as unknown as { rows?: unknown[] }).rows ?? rows;
    };
    const slots = await totals(
      "select currency, sum(captured_minor)::text as captured, sum(refunded_minor)::text as refunded from payment_money_buckets group by currency order by currency",
    );
    const recount = await totals(
      "select currency, sum(captured_minor)::text as captured, sum(refunded_minor)::text as refunded from payments group by currency order by currency",
    );
    expect(slots).toEqual(recount);
    expect((slots as unknown[]).length).toBeGreaterThan(0);
  }, 120_000);
});
