import { sql, type SQLWrapper } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/lib/platform/db/types";
import { encodeCursor } from "@/lib/platform/lists/cursor";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { parseOrderListParams } from "./params";
import { buildOrderListQuery, ordersPageSize } from "./query";

/**
 * The orders list (page and CSV batches) stays index-backed now that it joins who placed each
 * order: with sequential scans disabled, for each filter the list offers, with and without a page
 * cursor, no table is scanned sequentially, orders are never sorted as a whole table, a narrow
 * filter (a rare status, a date range) is an index range (an Index Cond), and users are read by
 * their primary key. The
 * reference search is left out: a client_reference prefix is matched by LIKE, which this btree
 * answers only under the C collation (unchanged by this list's columns).
 */

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  Plans?: PlanNode[];
}

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

async function explain(tx: Transaction, query: SQLWrapper): Promise<PlanNode> {
  const result: unknown = await tx.execute(sql`explain (format json) ${query}`);
  // PGlite answers { rows }, postgres.js an array of rows; the plan is JSON (text on some drivers).
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const json = rows[0]!["QUERY PLAN"];
  return ((typeof json === "string" ? JSON.parse(json) : json) as { Plan: PlanNode }[])[0]!.Plan;
}

const unboundedOrdersScan = (node: PlanNode) =>
  [...walk(node)].some((n) => n["Relation Name"] === "orders" && !n["Index Cond"]);

function violations(plan: PlanNode, range: boolean): string[] {
  const nodes = [...walk(plan)];
  const problems: string[] = [];
  if (nodes.some((n) => n["Node Type"] === "Seq Scan")) problems.push("a Seq Scan");
  // A Sort of rows an index condition has already narrowed (a rare status) is bounded; one over the table is not.
  if (nodes.some((n) => n["Node Type"] === "Sort" && unboundedOrdersScan(n)))
    problems.push("a Sort over an unbounded scan of orders");
  if (range && !nodes.some((n) => n["Relation Name"] === "orders" && n["Index Cond"]))
    problems.push("orders are walked and filtered instead of read as an index range");
  // users is the small table of staff: read through its primary key (a lookup per row, or in key order for a merge).
  if (!nodes.filter((n) => n["Relation Name"] === "users").every((n) => n["Index Name"] === "users_pkey"))
    problems.push("users are not read by primary key");
  return problems;
}

/** `range`: the filter is narrow (a rare status, dates), so orders must be read as an index range, not walked newest first and filtered. */
const variants: { params: Record<string, string>; range: boolean }[] = [
  { params: {}, range: false },
  { params: { vertical: "topup" }, range: false },
  { params: { status: "failed" }, range: true },
  { params: { status: "partially_delivered" }, range: true },
  { params: { from: "2026-03-01", to: "2026-03-05" }, range: true },
  { params: { vertical: "esim", from: "2026-03-01" }, range: true },
];

describe(`orders list query plans (${testDatabaseKind})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
    await t.db.execute(
      sql`insert into users (email, name, role, password_hash) select 'plan' || i || '@shop.test', 'Plan ' || i, 'merchant', 'x' from generate_series(1, 300) as i`,
    );
    await t.db.execute(sql`
      insert into orders (vertical, status, client_reference, product_id, product_name, face_value_minor, face_value_currency, wallet_id, charge_minor, charge_currency, placed_by, created_at)
      select (array['voucher','topup','esim'])[1 + i % 3]::order_vertical,
             (case when i % 97 = 0 then 'failed' when i % 331 = 0 then 'partially_delivered' else 'delivered' end)::order_status,
             'PLAN-' || i, 1, 'Product', 1000, 'USD', 1, 100 + i, 'USD', (select id from users order by email offset i % 300 limit 1),
             timestamptz '2026-01-01' + i * interval '1 hour'
      from generate_series(1, 3000) as i`);
    await t.db.execute(sql`analyze`);
  }, 120_000);
  afterAll(async () => t?.close());

  it("each filter, with and without a cursor, is read from an index, joined to users by primary key", async () => {
    const failures: string[] = [];
    const cursor = encodeCursor({
      sort: "newest",
      createdAt: "2026-03-03T00:00:00.000000Z",
      id: "00000000-0000-4000-8000-000000000000",
    });
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const { params, range } of variants) {
        for (const raw of [params, { ...params, cursor }]) {
          const { filters, error } = parseOrderListParams(raw);
          expect(error).toBeUndefined();
          const plan = await explain(tx, buildOrderListQuery(tx, filters, ordersPageSize + 1));
          for (const problem of violations(plan, range)) failures.push(`${JSON.stringify(raw)}: ${problem}`);
        }
      }
    });
    expect(failures).toEqual([]);
  });
});
