import { sql, TransactionRollbackError, type SQLWrapper } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Transaction } from "@/lib/platform/db/types";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/lib/tooling/testing/test-database";
import { encodeCursor } from "@/lib/platform/lists/cursor";
import { parsePaymentListParams } from "./params";
import { buildLedgerCurrenciesQuery } from "./currencies";
import {
  buildPaymentListQuery,
  buildSearchCandidatesQuery,
  cursorAt,
  paymentsPageSize,
  type PaymentListRow,
} from "./query";
import { buildSummaryRowsQuery } from "./summary";
import { isAmountSort, listSorts, type ListSort } from "@/lib/platform/lists/sort";

/**
 * Proves that every filter combination the payments list can build is answered from an index.
 *
 * Set-up: a few thousand payments spread over both providers, all statuses, three currencies,
 * a year of dates and a wide range of amounts; ANALYZE; `set local enable_seqscan = off`, so a
 * query that no index can answer shows up as a Seq Scan instead of hiding behind a cheap scan
 * of a small table. Then, for the cartesian product of every filter kind (present or absent;
 * status as one or several; search as each of its four kinds; currency alone or with an amount
 * range) × every sort × with and without a page cursor, EXPLAIN (FORMAT JSON) runs on the very
 * query builder the page and the export use, and the plan must satisfy:
 *
 * 1. No "Seq Scan" node on payments, anywhere.
 * 2. No "Sort" node whose input is the whole table: a Sort fails when a scan of payments below
 *    it is unbounded, i.e. an Index Scan / Index Only Scan without an "Index Cond", or a Bitmap
 *    Heap Scan with a Bitmap Index Scan below it that has no "Index Cond". A Sort over rows an
 *    index condition has already narrowed (a search, an amount range) is allowed: its input is
 *    that range, not the table. (Incremental Sort is not a full sort and is not counted.)
 * 3. A search is an index range: some index scan on one of the search indexes (or the primary
 *    key, for a UUID) has an "Index Cond"; a search never walks the table and filters.
 * 4. With a cursor and no Sort (rows come straight off an index in order), the cursor's row
 *    comparison is an "Index Cond" of that scan, so page N starts where page N-1 ended instead
 *    of reading and discarding the rows before it.
 * 5. A prefix search first reads its candidates: each is a range of a search index (an "Index
 *    Cond"), under a Limit, and never an unbounded scan: in that index's order, or, when the
 *    planner expects few entries in the range (a bitmap read), sorted after (rule 2's bounded Sort). The list query over those
 *    candidates then reads payments only through index conditions (no unbounded scan) and
 *    sorts them (a Sort node) instead of walking a sort index hoping to meet them, whatever
 *    the other filters, sort and cursor; rules 1 and 2 hold for it too.
 */

interface PlanNode {
  "Node Type": string;
  "Relation Name"?: string;
  "Index Name"?: string;
  "Index Cond"?: string;
  "Recheck Cond"?: string;
  Plans?: PlanNode[];
}

const searchIndexes = new Set([
  "payments_pkey",
  "payments_provider_payment_id_search_idx",
  "payments_customer_email_search_idx",
  "payments_customer_name_search_idx",
  "payments_reference_search_idx",
  "payments_reference_suffix_search_idx",
]);
const indexScanTypes = new Set(["Index Scan", "Index Only Scan", "Bitmap Index Scan"]);

function* walk(node: PlanNode): Generator<PlanNode> {
  yield node;
  for (const child of node.Plans ?? []) yield* walk(child);
}

/** Partial indexes hold only the few payments they are about: reading one whole is bounded by them, not the table. */
const partialIndexes = new Set(["payments_sync_disagreement_idx"]);
const wholeIndexRead = (n: PlanNode) => !n["Index Cond"] && !partialIndexes.has(n["Index Name"] ?? "");

function unboundedPaymentScan(node: PlanNode): boolean {
  return [...walk(node)].some((n) => {
    if (n["Node Type"] === "Seq Scan" && n["Relation Name"] === "payments") return true;
    if ((n["Node Type"] === "Index Scan" || n["Node Type"] === "Index Only Scan") && n["Relation Name"] === "payments")
      return wholeIndexRead(n);
    if (n["Node Type"] === "Bitmap Heap Scan" && n["Relation Name"] === "payments") {
      return [...walk(n)].some((b) => b["Node Type"] === "Bitmap Index Scan" && wholeIndexRead(b));
    }
    return false;
  });
}

function planViolations(plan: PlanNode, expect: { search: boolean; cursor: boolean }): string[] {
  const nodes = [...walk(plan)];
  const problems: string[] = [];
  if (nodes.some((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "payments"))
    problems.push("Seq Scan on payments");
  const sorts = nodes.filter((n) => n["Node Type"] === "Sort");
  if (sorts.some((s) => unboundedPaymentScan(s)))
    problems.push("Sort over an unbounded scan of payments (the whole table)");
  if (
    expect.search &&
    !nodes.some(
      (n) => indexScanTypes.has(n["Node Type"]) && searchIndexes.has(n["Index Name"] ?? "") && n["Index Cond"],
    )
  ) {
    problems.push("search is not an index condition on a search index");
  }
  if (
    expect.cursor &&
    sorts.length === 0 &&
    !nodes.some((n) => indexScanTypes.has(n["Node Type"]) && /ROW\(/.test(n["Index Cond"] ?? ""))
  ) {
    problems.push("the cursor is not an index condition of the ordered scan");
  }
  return problems;
}

const rowCount = 4000;
let t: TestDatabase;
let sample: {
  uuid: string;
  octoUuid: string;
  payId: string;
  email: string;
  reference: string;
  name: string;
  suffix: string;
};
const middleRows = new Map<ListSort, PaymentListRow>();

beforeAll(async () => {
  t = await createTestDatabase();
  // Deterministic spread: every status, both providers, three currencies (exponents 2, 2, 0),
  // a year of timestamps with microseconds, amounts from 10 to ~1,000,000 minor units; 1 in 400
  // last synced in disagreement.
  await t.db.execute(sql`
    insert into payments (provider, flow, status, provider_payment_id, reference, amount_minor, currency, customer_email, customer_name, created_at, sync_disagreement)
    select
      p.provider,
      'external',
      (array['requested','pending','authorized','captured','declined','canceled','expired','failed'])[1 + (g * 3) % 8]::payment_status,
      case when p.provider = 'checkout' then 'pay_' || lpad(g::text, 26, '0') else md5(g::text)::uuid::text end,
      'REF-' || g,
      10 * (1 + (g * 7919) % 100000),
      (array['HKD','HKD','HKD','UZS','UZS','JPY'])[1 + g % 6],
      case when g % 3 = 0 then null else 'Customer' || g || '@Example.test' end,
      case when g % 4 = 0 then null else (array['Alice','Bob','Chan','Dilnoza'])[1 + g % 4] || ' ' || g end,
      timestamptz '2025-01-01 00:00:00+00' + ((g * 104729) % 31536000) * interval '1 second' + (g % 997) * interval '1 microsecond',
      case when g % 400 = 0 then array['amount'] end
    from generate_series(1, ${rowCount}) g
    cross join lateral (select (case when g % 2 = 0 then 'checkout' else 'octo' end) as provider) p`);
  await t.db.execute(sql`analyze payments`);
  const pick = await t.db.query.payments.findFirst({ where: (p, { eq }) => eq(p.reference, "REF-1234") });
  const octo = await t.db.query.payments.findFirst({ where: (p, { eq }) => eq(p.reference, "REF-1235") });
  sample = {
    uuid: pick!.id,
    octoUuid: octo!.providerPaymentId!,
    payId: pick!.providerPaymentId!.slice(0, -1),
    email: "customer1234@",
    reference: "ref-123",
    name: "chan 12",
    suffix: "1234",
  };
  for (const sort of listSorts) {
    const rows = await buildPaymentListQuery(
      t.db,
      parsePaymentListParams(withSortCurrency({ sort })).filters,
      rowCount,
    );
    middleRows.set(sort, rows[Math.floor(rows.length / 2)]!);
  }
}, 120_000);

afterAll(() => t?.dispose());

type Variant = Record<string, string>;
/** An amount sort needs a currency (amounts in different currencies are not compared): UZS where the variant names none. */
const withSortCurrency = (params: Variant): Variant =>
  isAmountSort(params.sort as ListSort) && !params.currency ? { ...params, currency: "UZS" } : params;
const none: Variant = {};
const dimensions: Record<string, () => Variant[]> = {
  provider: () => [none, { provider: "checkout" }],
  status: () => [none, { status: "captured" }, { status: "pending,declined" }],
  currencyAndAmount: () => [none, { currency: "HKD" }, { currency: "HKD", min: "100.00", max: "2500.50" }],
  dates: () => [none, { from: "2025-03-01", to: "2025-05-31", tz: "Asia/Hong_Kong" }],
  // The text search reads five ranges (reference start and end, email and name start); a name and a suffix exercise the new ones.
  search: () => [
    none,
    { q: sample.uuid },
    { q: sample.octoUuid.toUpperCase() },
    { q: sample.payId },
    { q: sample.email },
    { q: sample.reference },
    { q: sample.name },
    { q: sample.suffix },
  ],
};

function combinations(): Variant[] {
  let out: Variant[] = [{}];
  for (const variants of Object.values(dimensions))
    out = out.flatMap((base) => variants().map((v) => ({ ...base, ...v })));
  return out;
}

async function explainSql(tx: Transaction, query: SQLWrapper): Promise<PlanNode> {
  const result: unknown = await tx.execute(sql`explain (format json) ${query}`);
  // PGlite answers { rows }, postgres.js an array of rows; the plan is JSON (text on some drivers).
  const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  const json = rows[0]!["QUERY PLAN"];
  const parsed = (typeof json === "string" ? JSON.parse(json) : json) as { Plan: PlanNode }[];
  return parsed[0]!.Plan;
}

/** EXPLAIN of the real list query, built from URL params exactly as the page and the export build it. */
async function explain(tx: Transaction, params: Variant): Promise<PlanNode> {
  const { filters, error } = parsePaymentListParams(params);
  expect(error, JSON.stringify(params)).toBeUndefined();
  return explainSql(tx, buildPaymentListQuery(tx, filters, paymentsPageSize + 1));
}

/** Rule 5: the candidate reads of a prefix search, and the list query over the ids they found. */
async function candidateViolations(tx: Transaction, params: Variant): Promise<string[]> {
  const { filters } = parsePaymentListParams(params);
  if (!filters.search || filters.search.kind === "uuid") return [];
  const problems: string[] = [];
  const ids: string[] = [];
  for (const range of buildSearchCandidatesQuery(tx, filters.search)) {
    const nodes = [...walk(await explainSql(tx, range))];
    if (unboundedPaymentScan(nodes[0]!)) problems.push("a candidate read scans the table");
    if (
      !nodes.some(
        (n) => indexScanTypes.has(n["Node Type"]) && searchIndexes.has(n["Index Name"] ?? "") && n["Index Cond"],
      )
    )
      problems.push("a candidate read is not a search index range");
    ids.push(...(await range).map((row) => row.id));
  }
  const plan = await explainSql(tx, buildPaymentListQuery(tx, filters, paymentsPageSize + 1, ids));
  problems.push(...planViolations(plan, { search: false, cursor: false }));
  // The fence leaves the planner nothing to gain from walking a sort index in order: the few
  // candidates are found through index conditions, then sorted.
  if (unboundedPaymentScan(plan)) problems.push("the candidates are read by an unbounded scan of payments");
  if (![...walk(plan)].some((n) => n["Node Type"] === "Sort"))
    problems.push("the candidates come off a sort index in order instead of being sorted");
  return problems;
}

describe(`payments list query plans (${testDatabaseKind})`, () => {
  it("the rule catches what it is meant to catch: a sort over the table, a contains-search, a missing index", async () => {
    const rolledBack = await t.db
      .transaction(async (tx) => {
        await tx.execute(sql`set local enable_seqscan = off`);
        expect(
          planViolations(await explainSql(tx, sql`select id from payments order by customer_name limit 51`), {
            search: false,
            cursor: false,
          }),
        ).toContain("Sort over an unbounded scan of payments (the whole table)");
        const contains = await explainSql(
          tx,
          sql`select id from payments where lower(reference) like '%123%' order by created_at desc, id desc limit 51`,
        );
        expect(planViolations(contains, { search: true, cursor: false })).toContain(
          "search is not an index condition on a search index",
        );
        // Without the date index, sorting oldest first has nothing ordered to walk.
        expect(planViolations(await explain(tx, { sort: "oldest" }), { search: false, cursor: false })).toEqual([]);
        await tx.execute(sql`drop index payments_created_idx`);
        expect(planViolations(await explain(tx, { sort: "oldest" }), { search: false, cursor: false })).not.toEqual([]);
        tx.rollback();
      })
      .then(
        () => false,
        (error: unknown) => error instanceof TransactionRollbackError,
      );
    expect(rolledBack).toBe(true);
  });

  it("every filter combination × sort × cursor is index-backed", async () => {
    const failures: string[] = [];
    let checked = 0;
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const combo of combinations()) {
        for (const sort of listSorts) {
          for (const direction of ["none", "after", "before"] as const) {
            const withCursor = direction !== "none";
            const params: Variant = withSortCurrency({ ...combo, sort });
            if (withCursor) params.cursor = encodeCursor(cursorAt(middleRows.get(sort)!, sort, direction === "before"));
            const plan = await explain(tx, params);
            checked += 1;
            const problems = [
              ...planViolations(plan, { search: Boolean(combo.q), cursor: withCursor }),
              ...(await candidateViolations(tx, params)),
            ];
            if (problems.length)
              failures.push(
                `${new URLSearchParams(params).toString()}\n  ${problems.join("; ")}\n${JSON.stringify(plan)}`,
              );
          }
        }
      }
    });
    expect(checked).toBe(2 * 3 * 3 * 2 * 8 * listSorts.length * 3);
    expect(`${failures.length} failing plans\n${failures.slice(0, 5).join("\n\n")}`).toBe("0 failing plans\n");
  });

  it("the payments whose last sync disagreed are read from their partial index, whatever else is chosen", async () => {
    const failures: string[] = [];
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const combo of [none, { provider: "octo" }, { status: "captured" }, { currency: "HKD", min: "100.00" }]) {
        for (const sort of listSorts) {
          for (const direction of ["none", "after"] as const) {
            const params: Variant = withSortCurrency({ ...combo, sync: "disagreed", sort });
            if (direction === "after") params.cursor = encodeCursor(cursorAt(middleRows.get(sort)!, sort, false));
            const plans = [
              await explain(tx, params),
              await explainSql(tx, buildSummaryRowsQuery(tx, parsePaymentListParams(params).filters)),
            ];
            for (const plan of plans) {
              const problems = planViolations(plan, { search: false, cursor: false });
              if (unboundedPaymentScan(plan)) problems.push("an unbounded scan of payments");
              if (![...walk(plan)].some((n) => n["Index Name"] === "payments_sync_disagreement_idx"))
                problems.push("the partial index is not read");
              if (problems.length)
                failures.push(
                  `${new URLSearchParams(params).toString()}\n  ${problems.join("; ")}\n${JSON.stringify(plan)}`,
                );
            }
          }
        }
      }
    });
    expect(`${failures.length} failing plans\n${failures.slice(0, 5).join("\n\n")}`).toBe("0 failing plans\n");
  });

  it("the count and totals read at most the cap through index-backed plans, for every filter combination", async () => {
    const failures: string[] = [];
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      for (const combo of combinations()) {
        const { filters } = parsePaymentListParams(combo);
        // A search's summary reads its candidates first, as the list does (rule 5 covers those reads).
        const ids =
          filters.search && filters.search.kind !== "uuid"
            ? (await Promise.all(buildSearchCandidatesQuery(tx, filters.search))).flat().map((r) => r.id)
            : undefined;
        const plan = await explainSql(tx, buildSummaryRowsQuery(tx, filters, undefined, ids));
        const problems = planViolations(plan, { search: Boolean(combo.q) && !ids, cursor: false });
        if (ids && unboundedPaymentScan(plan))
          problems.push("the candidates are read by an unbounded scan of payments");
        if (problems.length)
          failures.push(`${new URLSearchParams(combo).toString()}\n  ${problems.join("; ")}\n${JSON.stringify(plan)}`);
      }
    });
    expect(`${failures.length} failing plans\n${failures.slice(0, 5).join("\n\n")}`).toBe("0 failing plans\n");
  });

  it("the ledger's currencies are a loose index scan, never a read of the table", async () => {
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      const plan = await explainSql(tx, buildLedgerCurrenciesQuery());
      // Every read of payments is one index probe: an index scan under a Limit (the first
      // currency, then the next one above each), with no sort and no aggregate of the table.
      const unlimited = (node: PlanNode, limited: boolean): boolean =>
        (node["Relation Name"] === "payments" && (!limited || !indexScanTypes.has(node["Node Type"]))) ||
        (node.Plans ?? []).some((child) => unlimited(child, limited || node["Node Type"] === "Limit"));
      expect(unlimited(plan, false), JSON.stringify(plan)).toBe(false);
      expect(
        [...walk(plan)].some((n) => n["Node Type"] === "Sort" || n["Node Type"].endsWith("Aggregate")),
        JSON.stringify(plan),
      ).toBe(false);
    });
  });
});
