import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/ui/utc-time";
import { formatMinor } from "@/lib/platform/money/convert";
import type { ReconciliationRow } from "@/lib/domain/wallet/reconcile-wallet";
import type { LedgerMovement } from "@/lib/domain/wallet/wallet-ledger";

const kindLabels: Record<LedgerMovement["kind"], string> = {
  opening_balance: "Opening balance",
  order_debit: "Order debit",
  order_debit_released: "Debit released",
  order_refund: "Order refund",
  charge_adjustment: "Charge adjustment",
  wallet_credit: "Wallet credit",
};

const signed = (minor: bigint, currency: string) =>
  minor > 0n ? `+${formatMinor(minor, currency)}` : formatMinor(minor, currency);

const linkClass = "text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300";

export function MovementsTable({ walletId, rows }: { walletId: number; rows: LedgerMovement[] }) {
  return (
    <DataTable
      caption={`Ledger movements of wallet ${walletId}, newest first`}
      columns={["Time (UTC)", "Kind", "Amount", "Balance after", "Order"]}
    >
      {rows.map((m) => (
        <tr
          key={m.id}
          id={`movement-${m.id}`}
          data-testid="wallet-movement"
          className="target:bg-amber-50 dark:target:bg-amber-500/10"
        >
          <td className="whitespace-nowrap px-3 py-2">
            <UtcTime value={m.at} />
          </td>
          <td className="px-3 py-2">{kindLabels[m.kind]}</td>
          <td
            className={`whitespace-nowrap px-3 py-2 tabular-nums ${m.amountMinor < 0n ? "text-red-700 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}`}
          >
            {signed(m.amountMinor, m.currency)}
          </td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatMinor(m.balanceAfterMinor, m.currency)}</td>
          <td className="px-3 py-2">
            {m.orderId ? (
              <Link href={`/orders/${m.orderId}`} className={linkClass}>
                Order {m.orderId.slice(0, 8)}
              </Link>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">{m.note ?? "—"}</span>
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

const issueLabels: Record<ReconciliationRow["issue"], string> = {
  ours_without_theirs: "In our ledger, not at the provider",
  theirs_without_ours: "At the provider, not in our ledger",
  amount_differs: "Amounts differ",
};

export function ReconciliationTable({
  walletId,
  currency,
  rows,
}: {
  walletId: number;
  currency: string;
  rows: ReconciliationRow[];
}) {
  return (
    <DataTable
      caption={`Rows of wallet ${walletId} where our ledger and the provider disagree`}
      columns={["Finding", "Direction", "Provider order", "Ours", "Theirs", "Our order", "Provider transactions"]}
    >
      {rows.map((row) => (
        <tr key={row.key} data-testid="reconciliation-row">
          <td className="px-3 py-2 font-medium">{issueLabels[row.issue]}</td>
          <td className="px-3 py-2">{row.direction === "debit" ? "Debit" : "Credit"}</td>
          <td className="px-3 py-2">{row.providerOrderId === null ? "—" : `#${row.providerOrderId}`}</td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatMinor(row.oursMinor, currency)}</td>
          <td className="whitespace-nowrap px-3 py-2 tabular-nums">{formatMinor(row.theirsMinor, currency)}</td>
          <td className="px-3 py-2">
            {row.orderIds.length
              ? row.orderIds.map((id) => (
                  <Link key={id} href={`/orders/${id}`} className={`${linkClass} mr-2`}>
                    {id.slice(0, 8)}
                  </Link>
                ))
              : "—"}
          </td>
          <td className="px-3 py-2">
            {row.providerTransactionIds.length ? row.providerTransactionIds.map((id) => `#${id}`).join(", ") : "—"}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
