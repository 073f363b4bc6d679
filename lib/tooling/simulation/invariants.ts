import { sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import { reservingRefundStatuses } from "@/lib/domain/refunds/refund-status";
import { watchedRefundStatuses } from "@/lib/domain/refunds/refund-status";
import { watchedOrderStatuses } from "@/lib/domain/orders/reconcile/lease-due-orders";
import { kinds, sandboxClientId } from "@/lib/integrations/sandbox/testing";
import { reconcileWallet } from "@/lib/domain/wallet/reconcile-wallet";
import { ledgerInvariantViolations, ledgerWallets } from "@/lib/domain/wallet/wallet-ledger";

/** The ids one lifecycle touched; null means "every row" (the final, global check). */
export interface Scope {
  paymentIds: string[] | null;
  refundIds: string[] | null;
  orderIds: string[] | null;
}

async function rows<T>(db: DbOrTx, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

const inScope = (column: SQL, ids: string[] | null) =>
  ids === null
    ? sql`true`
    : ids.length
      ? sql`${column} in (${sql.join(
          ids.map((id) => sql`${id}::uuid`),
          sql`, `,
        )})`
      : sql`false`;
const textList = (values: readonly string[]) =>
  sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  );

/** Per payment: what its refunds hold is what the payment row reserves, never more than was captured, and its approved refunds are its refunded amount. */
async function overRefunds(db: DbOrTx, scope: Scope): Promise<string[]> {
  const found = await rows<{ id: string; captured: string; reserved: string; holding: string }>(
    db,
    sql`select p.id::text as id, p.captured_minor::text as captured, p.refund_reserved_minor::text as reserved,
               coalesce(sum(r.amount_minor) filter (where r.status::text in (${textList(reservingRefundStatuses)})), 0)::text as holding
        from payments p left join refunds r on r.payment_id = p.id
        where ${inScope(sql`p.id`, scope.paymentIds)}
        group by p.id
        having coalesce(sum(r.amount_minor) filter (where r.status::text in (${textList(reservingRefundStatuses)})), 0) <> p.refund_reserved_minor
            or coalesce(sum(r.amount_minor) filter (where r.status::text in (${textList(reservingRefundStatuses)})), 0) > p.captured_minor
            or coalesce(sum(r.amount_minor) filter (where r.status = 'approved'), 0) <> p.refunded_minor`,
  );
  return found.map(
    (p) => `payment ${p.id}: refunds hold ${p.holding}, payment reserves ${p.reserved}, captured ${p.captured}`,
  );
}

/** One refund row per idempotency key; at the sandbox at most one refund per refund of ours; our status agrees with the sandbox's. */
async function refundAgreement(db: DbOrTx, scope: Scope): Promise<string[]> {
  const problems: string[] = [];
  const twins = await rows<{ key: string; n: number }>(
    db,
    sql`select idempotency_key as key, count(*)::int as n from refunds group by provider, idempotency_key having count(*) > 1`,
  );
  problems.push(...twins.map((t) => `idempotency key ${t.key}: ${t.n} refund rows`));
  const ours = await rows<{
    id: string;
    provider: string;
    status: string;
    amount: string;
    key: string;
    executed: number;
    executed_amount: string | null;
    sandbox_state: string | null;
  }>(
    db,
    sql`select r.id::text as id, r.provider::text as provider, r.status::text as status, r.amount_minor::text as amount, r.idempotency_key as key,
               coalesce(c.n, o.n, 0)::int as executed, coalesce(c.amount, o.amount) as executed_amount, coalesce(c.state, o.state) as sandbox_state
        from refunds r
        join payments p on p.id = r.payment_id
        left join lateral (
          select count(*) as n, max(e->>'amount') as amount, max(e->>'state') as state
          from sandbox.documents d, jsonb_array_elements(d.data->'refunds') e
          where r.provider = 'checkout' and d.provider = 'checkout' and d.kind = 'payment' and d.id = p.provider_payment_id and e->>'reference' = 'RF-' || r.id::text
        ) c on r.provider = 'checkout'
        left join lateral (
          select count(*) as n, max(d.data->>'amountMinor') as amount, max(d.data->>'status') as state
          from sandbox.documents d where r.provider = 'octo' and d.provider = 'octo' and d.kind = 'refund' and d.lookup_key = r.idempotency_key
        ) o on r.provider = 'octo'
        where ${inScope(sql`r.id`, scope.refundIds)}`,
  );
  for (const r of ours) {
    const at = `refund ${r.id} (${r.provider}, ${r.status})`;
    if (r.executed > 1) problems.push(`${at}: executed ${r.executed} times at the sandbox`);
    if (r.executed === 1 && r.executed_amount !== r.amount)
      problems.push(`${at}: sandbox refunded ${r.executed_amount}, we recorded ${r.amount}`);
    if (
      (r.status === "failed" || r.status === "rejected" || r.status === "awaiting_approval") &&
      r.executed > 0 &&
      r.sandbox_state !== "declined" &&
      r.sandbox_state !== "failed"
    ) {
      problems.push(`${at}: we released it, but the sandbox executed it (${r.sandbox_state})`);
    }
    if (r.status === "approved" && r.sandbox_state !== "approved" && r.sandbox_state !== "succeeded")
      problems.push(`${at}: the sandbox says ${r.sandbox_state ?? "nothing"}`);
  }
  return problems;
}

/** The simulator's order documents, keyed by `<client id>:<client_reference>`. */
const orderDocKinds = [kinds.voucherOrder, kinds.topupOrder, kinds.esimOrder];
const referencePrefix = `${sandboxClientId}:`;

/** Every order debited at most once and given back at most once; at most one order per client_reference at the sandbox, and it is ours. */
async function orderAgreement(db: DbOrTx, scope: Scope): Promise<string[]> {
  const found = await rows<{
    id: string;
    status: string;
    debits: number;
    returns: number;
    at_sandbox: number;
    sandbox_id: string | null;
    provider_order_id: string | null;
  }>(
    db,
    sql`select o.id::text as id, o.status::text as status,
               (select count(*)::int from wallet_movements m where m.order_id = o.id and m.kind = 'order_debit') as debits,
               (select count(*)::int from wallet_movements m where m.order_id = o.id and m.kind in ('order_refund', 'order_debit_released')) as returns,
               (select count(*)::int from sandbox.documents d where d.provider = 'octopus-cards' and d.kind in (${textList(orderDocKinds)}) and d.lookup_key = ${referencePrefix} || o.client_reference) as at_sandbox,
               (select max(d.id) from sandbox.documents d where d.provider = 'octopus-cards' and d.kind in (${textList(orderDocKinds)}) and d.lookup_key = ${referencePrefix} || o.client_reference) as sandbox_id,
               o.provider_order_id::text as provider_order_id
        from orders o where ${inScope(sql`o.id`, scope.orderIds)}`,
  );
  const problems: string[] = [];
  for (const o of found) {
    const at = `order ${o.id} (${o.status})`;
    if (o.debits > 1) problems.push(`${at}: debited ${o.debits} times`);
    if (o.returns > 1) problems.push(`${at}: refunded or released ${o.returns} times`);
    if (o.at_sandbox > 1) problems.push(`${at}: ${o.at_sandbox} orders at the sandbox for one client_reference`);
    if (o.at_sandbox === 1 && o.provider_order_id !== null && o.provider_order_id !== o.sandbox_id)
      problems.push(`${at}: ours is provider order ${o.provider_order_id}, the sandbox's is ${o.sandbox_id}`);
    if (o.at_sandbox === 1 && o.provider_order_id === null && o.status !== "placing")
      problems.push(`${at}: the sandbox executed it, we never linked it`);
  }
  return problems;
}

/** Nothing is left in a watched status: each refund and order is final, or flagged for a person with a reason. */
async function unresolved(db: DbOrTx, scope: Scope): Promise<string[]> {
  const refundsOpen = await rows<{ id: string; status: string }>(
    db,
    sql`select id::text as id, status::text as status from refunds
        where ${inScope(sql`id`, scope.refundIds)} and (status::text in (${textList(watchedRefundStatuses)}) or (status = 'needs_attention' and attention_reason is null))`,
  );
  const ordersOpen = await rows<{ id: string; status: string }>(
    db,
    sql`select id::text as id, status::text as status from orders where ${inScope(sql`id`, scope.orderIds)} and status::text in (${textList(watchedOrderStatuses)})`,
  );
  return [
    ...refundsOpen.map((r) => `refund ${r.id} still ${r.status} after reconciliation`),
    ...ordersOpen.map((o) => `order ${o.id} still ${o.status} after reconciliation`),
  ];
}

/** Each ledger wallet: balance = Σ movements, chain intact, never negative, and equal to the provider's wallet. */
async function walletAgreement(
  db: DbOrTx,
  client: Pick<OctopusCardsClient, "listTransactions" | "getWallet">,
): Promise<string[]> {
  const problems = await ledgerInvariantViolations(db);
  for (const wallet of await ledgerWallets(db)) {
    const rec = await reconcileWallet(db, client, {
      walletId: wallet.walletId,
      currency: wallet.currency,
      balanceMinor: wallet.balanceMinor,
    });
    if (!rec.inAgreement) {
      problems.push(
        `wallet ${wallet.walletId}: ours ${rec.ledgerBalanceMinor}, provider ${rec.providerBalanceMinor}; ${rec.disagreements.map((d) => JSON.stringify(d, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v))).join("; ")}`,
      );
    }
  }
  return problems;
}

/** Every invariant of the simulation, for one lifecycle's scope (wallets always whole). */
export async function invariantViolations(
  db: DbOrTx,
  scope: Scope,
  cards: Pick<OctopusCardsClient, "listTransactions" | "getWallet"> | null,
): Promise<string[]> {
  return [
    ...(await overRefunds(db, scope)),
    ...(await refundAgreement(db, scope)),
    ...(await orderAgreement(db, scope)),
    ...(await unresolved(db, scope)),
    ...(cards ? await walletAgreement(db, cards) : await ledgerInvariantViolations(db)),
  ];
}
