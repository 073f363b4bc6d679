import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { OrderListRow } from "@/lib/orders/list/query";
import { moneyText } from "./money-text";
import { verticalLabels } from "./order-labels";
import { OrderStatusBadge } from "./order-status-badge";

export function OrdersTable({ rows }: { rows: OrderListRow[] }) {
  return (
    <DataTable caption="Orders, newest first; times in UTC" columns={["Created (UTC)", "Type", "Product", "Status", "Face value", "Charged", "Wallet", "client_reference", "Provider order"]}>
      {rows.map((row) => (
        <tr key={row.id} className="align-top" data-testid={`order-${row.id}`}>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <time dateTime={row.createdAt.toISOString()}>{row.createdAt.toISOString().slice(0, 19).replace("T", " ")}</time>
          </td>
          <td className="px-3 py-2">{verticalLabels[row.vertical]}</td>
          <td className="px-3 py-2">
            <Link href={`/orders/${row.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
              {row.productName}
            </Link>
            {row.quantity > 1 ? <span className="text-xs text-zinc-500 dark:text-zinc-400"> × {row.quantity}</span> : null}
          </td>
          <td className="px-3 py-2">
            <OrderStatusBadge status={row.status} />
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{moneyText(row.faceValueMinor, row.faceValueCurrency)}</td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{moneyText(row.chargeMinor, row.chargeCurrency)}</td>
          <td className="px-3 py-2 text-xs">#{row.walletId}</td>
          <td className="px-3 py-2 font-mono text-xs break-all">{row.clientReference}</td>
          <td className="px-3 py-2 font-mono text-xs">{row.providerOrderId ?? "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
