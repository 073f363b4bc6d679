import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { formatMinor } from "@/lib/money/convert";
import { isKnownCurrency, unknownCurrencyNotice } from "@/lib/money/currency";
import type { PaymentListRow } from "@/lib/payments/list/query";
import { paymentSortLabels, type PaymentSort } from "@/lib/payments/list/sort";
import { formatWallTime } from "@/lib/payments/list/time-zone";
import { flowLabels, providerLabels } from "./labels";
import { PaymentStatusBadge } from "./payment-status-badge";

/** A currency without a known exponent is shown in minor units, labelled so, never guessed. */
function amountText(row: PaymentListRow): string {
  return isKnownCurrency(row.currency) ? formatMinor(row.amountMinor, row.currency) : `${row.amountMinor.toString()} ${row.currency} (minor units)`;
}

export function PaymentsTable({ rows, timeZone, sort }: { rows: PaymentListRow[]; timeZone: string; sort: PaymentSort }) {
  return (
    <DataTable
      caption={`Payments, ${paymentSortLabels[sort].toLowerCase()}; times in ${timeZone}`}
      columns={[`Created (${timeZone})`, "Amount", "Status", "Provider", "Flow", "Reference", "Provider id", "Customer"]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="align-top" data-testid={`payment-${row.id}`}>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <time dateTime={row.createdAt.toISOString()}>{formatWallTime(row.createdAt, timeZone)}</time>
          </td>
          <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
            {amountText(row)}
            {isKnownCurrency(row.currency) ? null : (
              <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200" data-testid="currency-review" title={unknownCurrencyNotice(row.currency)}>
                Needs review
              </span>
            )}
          </td>
          <td className="px-3 py-2">
            <PaymentStatusBadge status={row.status} />
          </td>
          <td className="px-3 py-2">{providerLabels[row.provider]}</td>
          <td className="px-3 py-2 text-xs">{flowLabels[row.flow]}</td>
          <td className="px-3 py-2">
            <Link href={`/payments/${row.id}`} className="font-medium text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
              {row.reference}
            </Link>
          </td>
          <td className="px-3 py-2 font-mono text-xs break-all">{row.providerPaymentId ?? "—"}</td>
          <td className="px-3 py-2 text-xs">
            {row.customerEmail || row.customerName ? (
              <>
                {row.customerName ? <div>{row.customerName}</div> : null}
                {row.customerEmail ? <div className="text-zinc-500 dark:text-zinc-400 break-all">{row.customerEmail}</div> : null}
              </>
            ) : (
              "—"
            )}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
