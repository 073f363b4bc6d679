import type { BenchDatabase } from "./bench-database";
import { elapsedMs } from "./stats";

export interface SeedSize {
  payments: number;
  refunds: number;
  orders: number;
}

export interface SeedResult {
  table: string;
  rows: number;
  seconds: number;
}

const seededTables = ["payments", "refunds", "refund_events", "orders"] as const;

/*
 * Payment g (0-based) is deterministic: id md5(g)::uuid, provider checkout unless g % 3 = 2
 * (OCTO, UZS; Checkout.com is HKD), status by g % 10 (0–6 captured, 7 pending, 8 one of the
 * final failures, 9 requested with no provider id yet), created_at spread over the last year.
 * The captured payments are numbered j = (g / 10) * 7 + g % 10; captured payment j has refund j
 * when j < refunds, one per payment, a quarter of the amount, with a status by j % 20. The
 * payment's refund_reserved_minor is that amount when the refund holds money (refunded_minor when
 * it is approved), so every CHECK (amount > 0, captured ≤ amount, refunded ≤ reserved ≤ captured) and unique index holds by construction.
 */
const refundStatusOf = (j: string) =>
  `(array['pending','unknown','requested','awaiting_approval','needs_attention','declined','failed','approved','approved','approved','approved','approved','approved','approved','approved','approved','approved','approved','approved','approved'])[(${j}) % 20 + 1]`;
const holdsMoney = (status: string) => `${status} in ('pending','unknown','requested','needs_attention','approved')`;
const amountOf = (g: string) => `(1000 + (hashtext(${g}::text || 'a') & 1048575))::bigint`;
const yearAgoFraction = (g: string) => `((hashtext(${g}::text || 't') & 2147483647)::float8 / 2147483647)`;

function paymentsInsert(size: SeedSize): string {
  const j = "((g / 10) * 7 + g % 10)";
  const refundStatus = refundStatusOf(j);
  return `
insert into payments (id, provider, flow, status, provider_status, provider_payment_id, reference, idempotency_key,
  amount_minor, currency, captured_minor, refund_reserved_minor, refunded_minor, description, customer_email, customer_name,
  created_at, updated_at, status_changed_at, sync_disagreement)
select id, provider, flow, status::payment_status, status,
  case when status = 'requested' then null when provider = 'checkout' then 'pay_' || substr(md5(g::text || 'x'), 1, 26) else md5(g::text || 'o')::uuid::text end,
  'ORD-' || lpad(g::text, 8, '0'),
  case when flow = 'external' then null else md5(g::text || 'k')::uuid::text end,
  amount, currency, case when status = 'captured' then amount else 0 end,
  case when status = 'captured' and ${j} < ${size.refunds} and ${holdsMoney(refundStatus)} then amount / 4 else 0 end,
  case when status = 'captured' and ${j} < ${size.refunds} and ${refundStatus} = 'approved' then amount / 4 else 0 end,
  'Bench payment ' || g, 'customer' || (g % 50000) || '@example.test', 'Customer ' || (g % 50000),
  created_at, created_at, created_at,
  -- One payment in 10,000 last synced in disagreement with its provider (the overview's drift figure).
  case when g % 10000 = 1 then array['amount'] end
from (
  select g, md5(g::text)::uuid as id,
    case when g % 3 = 2 then 'octo' else 'checkout' end as provider,
    case when g % 3 = 2 then 'octo' when g % 17 = 0 then 'external' else 'checkout_api' end as flow,
    case when g % 3 = 2 then 'UZS' else 'HKD' end as currency,
    case when g % 10 < 7 then 'captured' when g % 10 = 7 then 'pending' when g % 10 = 9 then 'requested'
      else (array['declined','canceled','expired','failed'])[(g / 10) % 4 + 1] end as status,
    ${amountOf("g")} as amount,
    now() - make_interval(secs => ${yearAgoFraction("g")} * 31536000) as created_at
  from generate_series(0, ${size.payments - 1}) as g
) p`;
}

function refundsInsert(size: SeedSize): string {
  const g = "((j / 7) * 10 + j % 7)";
  return `
insert into refunds (id, payment_id, provider, status, amount_minor, currency, reason, idempotency_key, provider_refund_id,
  provider_status, created_at, updated_at, status_changed_at)
select md5(j::text || 'r')::uuid, md5(${g}::text)::uuid,
  (case when ${g} % 3 = 2 then 'octo' else 'checkout' end), status::refund_status,
  ${amountOf(g)} / 4, case when ${g} % 3 = 2 then 'UZS' else 'HKD' end,
  (array['duplicate','customer_request','fraud','product_issue'])[j % 4 + 1]::refund_reason,
  md5(j::text || 'i')::uuid::text,
  case when status in ('approved','pending','declined') then 'act_' || substr(md5(j::text || 'a'), 1, 26) end,
  status, created_at, created_at, created_at
from (
  select j, ${refundStatusOf("j")} as status, now() - make_interval(secs => ((hashtext(j::text || 'c') & 2147483647)::float8 / 2147483647) * 2592000) as created_at
  from generate_series(0, ${size.refunds - 1}) as j
) r`;
}

const refundEventsInsert = `
insert into refund_events (refund_id, at, source, kind, to_status, detail)
select id, created_at, 'staff', 'created', status, jsonb_build_object('amountMinor', amount_minor::text, 'currency', currency) from refunds`;

function ordersInsert(size: SeedSize): string {
  return `
insert into orders (vertical, status, client_reference, provider_order_id, provider_status, product_id, product_name, quantity,
  face_value_minor, face_value_currency, wallet_id, charge_minor, charge_currency, created_at, updated_at, status_changed_at)
select (array['voucher','topup','esim'])[g % 3 + 1]::order_vertical,
  (array['delivered','delivered','delivered','delivered','pending','failed','cancelled','partially_delivered','unknown','placing'])[g % 10 + 1]::order_status,
  'CR-' || lpad(g::text, 8, '0'), case when g % 10 < 9 then g end, 'bench', 1000 + g % 50, 'Product ' || (g % 50), 1 + g % 3,
  10000, 'HKD', 1 + g % 2, 9000 + g % 1000, 'HKD', created_at, created_at, created_at
from (select g, now() - make_interval(secs => ${yearAgoFraction("g")} * 31536000) as created_at from generate_series(0, ${size.orders - 1}) as g) o`;
}

async function secondaryIndexes(bench: BenchDatabase): Promise<{ name: string; definition: string }[]> {
  const rows = (await bench.raw(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = current_schema() and i.tablename = any($1::text[])
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [[...seededTables]],
  )) as { rows?: { name: string; definition: string }[] } | { name: string; definition: string }[];
  return Array.isArray(rows) ? rows : (rows.rows ?? []);
}

/**
 * Set-based seed (insert … select … generate_series). The secondary indexes are dropped for the
 * load and rebuilt from their own definitions afterwards (faster than maintaining 13 indexes per
 * row; unique indexes are still checked when rebuilt). Ends with VACUUM ANALYZE.
 */
export async function seedBenchData(bench: BenchDatabase, size: SeedSize): Promise<SeedResult[]> {
  const results: SeedResult[] = [];
  const step = async (table: string, rows: number, run: () => Promise<unknown>) => {
    const start = process.hrtime.bigint();
    await run();
    results.push({ table, rows, seconds: elapsedMs(start) / 1000 });
  };
  const indexes = await secondaryIndexes(bench);
  await step("drop secondary indexes", indexes.length, async () => {
    for (const index of indexes) await bench.exec(`drop index "${index.name}"`);
  });
  await step("payments", size.payments, () => bench.exec(paymentsInsert(size)));
  await step("refunds", size.refunds, () => bench.exec(refundsInsert(size)));
  await step("refund_events", size.refunds, () => bench.exec(refundEventsInsert));
  await step("orders", size.orders, () => bench.exec(ordersInsert(size)));
  await step("rebuild secondary indexes", indexes.length, async () => {
    // One session for all of them, with room to sort in memory (Postgres also builds each btree with parallel workers).
    await bench.exec(
      [
        "set maintenance_work_mem = '512MB'",
        ...indexes.map((index) => index.definition),
        "reset maintenance_work_mem",
      ].join(";\n"),
    );
  });
  await step("vacuum analyze", 0, async () => {
    for (const table of seededTables) await bench.exec(`vacuum analyze ${table}`);
  });
  return results;
}
