import { and, desc, eq, gte, inArray, lt, sql } from "drizzle-orm";
import { rowIdCursor } from "@/lib/app/validation/row-id-cursor";
import { walletBalances, walletMovements } from "@/drizzle/schema/orders";
import type { DbOrTx } from "@/lib/platform/db/types";

export const movementPageSize = 25;

export interface LedgerMovement {
  id: string;
  kind: (typeof walletMovements.$inferSelect)["kind"];
  amountMinor: bigint;
  balanceAfterMinor: bigint;
  currency: string;
  orderId: string | null;
  providerTransactionId: number | null;
  note: string | null;
  at: Date;
}

/** One wallet's movements, newest first, keyset-paginated by id (cursor: the last id shown). */
export async function listWalletMovements(
  db: DbOrTx,
  walletId: number,
  cursor?: string,
  pageSize = movementPageSize,
): Promise<{ rows: LedgerMovement[]; nextCursor: string | null }> {
  const conditions = [eq(walletMovements.walletId, walletId)];
  if (cursor && rowIdCursor.safeParse(cursor).success) conditions.push(lt(walletMovements.id, BigInt(cursor)));
  const rows = await db
    .select()
    .from(walletMovements)
    .where(and(...conditions))
    .orderBy(desc(walletMovements.id))
    .limit(pageSize + 1);
  const page = rows.slice(0, pageSize).map((m) => ({
    id: m.id.toString(),
    kind: m.kind,
    amountMinor: m.amountMinor,
    balanceAfterMinor: m.balanceAfterMinor,
    currency: m.currency,
    orderId: m.orderId,
    providerTransactionId: m.providerTransactionId,
    note: m.note,
    at: m.at,
  }));
  const last = page[page.length - 1];
  return { rows: page, nextCursor: rows.length > pageSize && last ? last.id : null };
}

export async function ledgerWallets(db: DbOrTx): Promise<(typeof walletBalances.$inferSelect)[]> {
  return db.select().from(walletBalances).orderBy(walletBalances.walletId);
}

/** Kinds that make up spending: order debits net of releases, refunds and charge adjustments. */
export const spendKinds = ["order_debit", "order_debit_released", "order_refund", "charge_adjustment"] as const;
export const runwayWindowDays = 30;

/**
 * Days of runway: balance ÷ average daily spend over the last 30 days (order debits minus
 * releases, refunds and adjustments). Null when nothing was spent (shown as "—"). Returned in
 * tenths of a day, computed in integers.
 */
export async function runwayOf(
  db: DbOrTx,
  walletId: number,
  balanceMinor: bigint,
  now: Date,
): Promise<{ spendMinor: bigint; runwayTenthsOfDay: bigint | null }> {
  const since = new Date(now.getTime() - runwayWindowDays * 86_400_000);
  const [row] = await db
    .select({ net: sql<string | null>`sum(${walletMovements.amountMinor})` })
    .from(walletMovements)
    .where(
      and(
        eq(walletMovements.walletId, walletId),
        inArray(walletMovements.kind, [...spendKinds]),
        gte(walletMovements.at, since),
      ),
    );
  const spendMinor = -BigInt(row?.net ?? "0");
  if (spendMinor <= 0n) return { spendMinor: spendMinor < 0n ? 0n : spendMinor, runwayTenthsOfDay: null };
  return { spendMinor, runwayTenthsOfDay: (balanceMinor * BigInt(runwayWindowDays) * 10n) / spendMinor };
}

export function formatRunway(tenths: bigint | null): string {
  if (tenths === null) return "—";
  return `${tenths / 10n}.${tenths % 10n} days`;
}

/** The ledger invariant: each balance equals the sum of its movements and balance_after chains. */
export async function ledgerInvariantViolations(db: DbOrTx): Promise<string[]> {
  const problems: string[] = [];
  const sums = await db.execute<{ wallet_id: number; balance_minor: string; total: string | null }>(
    sql`select b.wallet_id, b.balance_minor::text as balance_minor, (select sum(m.amount_minor)::text from wallet_movements m where m.wallet_id = b.wallet_id) as total from wallet_balances b`,
  );
  for (const r of rowsOf<{ wallet_id: number; balance_minor: string; total: string | null }>(sums))
    if (BigInt(r.balance_minor) !== BigInt(r.total ?? "0"))
      problems.push(`wallet ${r.wallet_id}: balance ${r.balance_minor} ≠ Σ movements ${r.total ?? "0"}`);
  const chain = await db.execute<{ id: string; wallet_id: number }>(
    sql`select id::text as id, wallet_id from (select id, wallet_id, balance_after_minor, amount_minor, lag(balance_after_minor, 1, 0::bigint) over (partition by wallet_id order by id) as prev from wallet_movements) c where c.prev + c.amount_minor <> c.balance_after_minor or c.balance_after_minor < 0`,
  );
  for (const r of rowsOf<{ id: string; wallet_id: number }>(chain))
    problems.push(`wallet ${r.wallet_id}: movement ${r.id} breaks the balance_after chain`);
  return problems;
}

function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}
