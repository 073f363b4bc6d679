import { asc, eq } from "drizzle-orm";
import { orders, walletMovements } from "@/drizzle/schema/orders";
import type { DbOrTx } from "@/lib/platform/db/types";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import type { WalletTransaction } from "@/lib/integrations/providers/octopus-cards/types";
import type { OrderStatus } from "@/lib/domain/orders/order-status";

export type ReconciliationIssue = "ours_without_theirs" | "theirs_without_ours" | "amount_differs";

/** One order's debit or refund (or one credit) as we and the provider recorded it, when they disagree. */
export interface ReconciliationRow {
  key: string;
  direction: "debit" | "credit";
  /** The provider's order number (from its "Order #N" / "Refund for order #N" remarks). */
  providerOrderId: number | null;
  orderIds: string[];
  providerTransactionIds: number[];
  /** Positive amounts leaving (debit) or entering (credit) the wallet. */
  oursMinor: bigint;
  theirsMinor: bigint;
  issue: ReconciliationIssue;
}

export interface WalletReconciliation {
  walletId: number;
  currency: string;
  providerBalanceMinor: bigint;
  ledgerBalanceMinor: bigint;
  /** provider − ours. */
  balanceDifferenceMinor: bigint;
  matched: number;
  /** Debits we hold for orders whose outcome we are still checking (the provider has no order for them yet). */
  held: HeldDebits;
  /** provider − ours, less what we hold: what no order in flight explains. */
  unexplainedDifferenceMinor: bigint;
  disagreements: ReconciliationRow[];
  inAgreement: boolean;
}

export interface HeldDebits {
  minor: bigint;
  orderIds: string[];
}

export interface OurMovement {
  kind: (typeof walletMovements.$inferSelect)["kind"];
  amountMinor: bigint;
  orderId: string | null;
  providerOrderId: number | null;
  providerTransactionId: number | null;
  /** The order's status, for an order's movements. */
  orderStatus?: OrderStatus | null;
}

/** Statuses in which we hold the debit while asking the provider for the client_reference. */
const checkingStatuses: ReadonlySet<OrderStatus> = new Set(["placing", "unknown"]);

const refundRemark = /refund for order #(\d+)/i;
const orderRemark = /order #(\d+)/i;

/** The provider's order number in a transaction's remarks ("… - Order #N", "… - Refund for order #N"). */
export function providerOrderIdOf(remarks: string): number | null {
  const match = refundRemark.exec(remarks) ?? orderRemark.exec(remarks);
  return match?.[1] ? Number(match[1]) : null;
}

interface Side {
  minor: bigint;
  orderIds: Set<string>;
  txIds: Set<number>;
  providerOrderId: number | null;
  direction: "debit" | "credit";
}

/**
 * Matches our movements against the provider's completed transactions, per provider order and
 * direction (an order's debit net of charge adjustments; its refund), and credits without an
 * order by transaction id. A debit we released because the provider refused the request never
 * reached the provider, so it and its release are left out. A debit we hold for an order whose
 * outcome we are still checking (no provider order yet) is not a disagreement: it is returned
 * as held, and it explains that much of the balance difference. Pure: amounts in minor units.
 */
export function matchMovements(
  ours: OurMovement[],
  theirs: WalletTransaction[],
): { matched: number; held: HeldDebits; disagreements: ReconciliationRow[] } {
  const released = new Set(ours.filter((m) => m.kind === "order_debit_released" && m.orderId).map((m) => m.orderId));
  const held: HeldDebits = { minor: 0n, orderIds: [] };
  const mine = new Map<string, Side>();
  const add = (
    map: Map<string, Side>,
    key: string,
    side: Omit<Side, "orderIds" | "txIds" | "minor">,
    minor: bigint,
    orderId: string | null,
    txId: number | null,
  ) => {
    const entry = map.get(key) ?? { ...side, minor: 0n, orderIds: new Set<string>(), txIds: new Set<number>() };
    entry.minor += minor;
    if (orderId) entry.orderIds.add(orderId);
    if (txId !== null) entry.txIds.add(txId);
    map.set(key, entry);
  };
  for (const m of ours) {
    if (m.kind === "opening_balance" || m.kind === "order_debit_released") continue;
    if (m.orderId && released.has(m.orderId)) continue;
    if (m.orderId && m.providerOrderId === null && m.orderStatus && checkingStatuses.has(m.orderStatus)) {
      held.minor -= m.amountMinor;
      if (!held.orderIds.includes(m.orderId)) held.orderIds.push(m.orderId);
      continue;
    }
    if (m.kind === "order_debit" || m.kind === "charge_adjustment") {
      const key = m.providerOrderId === null ? `order:${m.orderId ?? "?"}` : `debit:${m.providerOrderId}`;
      add(
        mine,
        key,
        { providerOrderId: m.providerOrderId, direction: "debit" },
        -m.amountMinor,
        m.orderId,
        m.providerTransactionId,
      );
    } else if (m.kind === "order_refund") {
      const key = m.providerOrderId === null ? `refund:${m.orderId ?? "?"}` : `credit:${m.providerOrderId}`;
      add(
        mine,
        key,
        { providerOrderId: m.providerOrderId, direction: "credit" },
        m.amountMinor,
        m.orderId,
        m.providerTransactionId,
      );
    } else {
      const key =
        m.providerTransactionId === null ? `movement:${m.kind}:${m.amountMinor}` : `tx:${m.providerTransactionId}`;
      add(
        mine,
        key,
        { providerOrderId: null, direction: m.amountMinor < 0n ? "debit" : "credit" },
        m.amountMinor < 0n ? -m.amountMinor : m.amountMinor,
        m.orderId,
        m.providerTransactionId,
      );
    }
  }
  const yours = new Map<string, Side>();
  for (const t of theirs) {
    if (t.status !== "COMPLETED") continue;
    const providerOrderId = providerOrderIdOf(t.remarks);
    const direction = t.type === "DEBIT" ? "debit" : "credit";
    const key = providerOrderId === null ? `tx:${t.id}` : `${direction}:${providerOrderId}`;
    add(yours, key, { providerOrderId, direction }, t.amount.minor, null, t.id);
  }
  let matched = 0;
  const disagreements: ReconciliationRow[] = [];
  for (const key of new Set([...mine.keys(), ...yours.keys()])) {
    const a = mine.get(key);
    const b = yours.get(key);
    const oursMinor = a?.minor ?? 0n;
    const theirsMinor = b?.minor ?? 0n;
    if (oursMinor === theirsMinor) {
      if (oursMinor !== 0n) matched += 1;
      continue;
    }
    const issue: ReconciliationIssue =
      !b || theirsMinor === 0n
        ? "ours_without_theirs"
        : !a || oursMinor === 0n
          ? "theirs_without_ours"
          : "amount_differs";
    const side = (a ?? b) as Side;
    disagreements.push({
      key,
      direction: side.direction,
      providerOrderId: side.providerOrderId,
      orderIds: [...(a?.orderIds ?? [])],
      providerTransactionIds: [...(b?.txIds ?? []), ...(a?.txIds ?? [])],
      oursMinor,
      theirsMinor,
      issue,
    });
  }
  return { matched, held, disagreements };
}

/** Every completed provider transaction of a wallet (all pages). */
export async function allWalletTransactions(
  client: Pick<OctopusCardsClient, "listTransactions">,
  walletId: number,
): Promise<WalletTransaction[]> {
  const all: WalletTransaction[] = [];
  for (let page = 1; page <= 200; page += 1) {
    const batch = await client.listTransactions({ walletId, page, limit: 500 });
    all.push(...batch.items);
    if (!batch.page.hasMore || batch.items.length === 0) break;
  }
  return all;
}

/**
 * Reconciles one wallet: our ledger since it was opened against the provider's transactions
 * made since then, and our balance against the provider's. Every disagreement is returned; no
 * ledger row is changed.
 */
export async function reconcileWallet(
  db: DbOrTx,
  client: Pick<OctopusCardsClient, "listTransactions" | "getWallet">,
  ledger: { walletId: number; currency: string; balanceMinor: bigint },
): Promise<WalletReconciliation> {
  const [provider, theirs, rows] = await Promise.all([
    client.getWallet(ledger.walletId),
    allWalletTransactions(client, ledger.walletId),
    db
      .select({
        kind: walletMovements.kind,
        amountMinor: walletMovements.amountMinor,
        orderId: walletMovements.orderId,
        providerTransactionId: walletMovements.providerTransactionId,
        at: walletMovements.at,
        providerOrderId: orders.providerOrderId,
        orderStatus: orders.status,
      })
      .from(walletMovements)
      .leftJoin(orders, eq(orders.id, walletMovements.orderId))
      .where(eq(walletMovements.walletId, ledger.walletId))
      .orderBy(asc(walletMovements.id)),
  ]);
  const openedAt = rows[0]?.at ?? new Date(0);
  const since = theirs.filter((t) => t.createdAt.getTime() >= openedAt.getTime());
  const { matched, held, disagreements } = matchMovements(rows, since);
  const balanceDifferenceMinor = provider.balance.minor - ledger.balanceMinor;
  const unexplainedDifferenceMinor = balanceDifferenceMinor - held.minor;
  return {
    walletId: ledger.walletId,
    currency: ledger.currency,
    providerBalanceMinor: provider.balance.minor,
    ledgerBalanceMinor: ledger.balanceMinor,
    balanceDifferenceMinor,
    matched,
    held,
    unexplainedDifferenceMinor,
    disagreements,
    inAgreement: disagreements.length === 0 && unexplainedDifferenceMinor === 0n,
  };
}
