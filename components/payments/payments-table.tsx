import Link from "next/link";
import { formatMinor } from "@/lib/platform/money/convert";
import { isKnownCurrency, unknownCurrencyNotice } from "@/lib/platform/money/currency";
import type { PaymentListRow } from "@/lib/domain/payments/list/query";
import { listSortLabels, type ListSort } from "@/lib/platform/lists/sort";
import { formatWallTime } from "@/lib/platform/time-zone/wall-time";
import { paymentRefundState } from "@/lib/domain/payments/refund-state";
import { paymentFlowLabel, paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";
import { PaymentStatusBadge } from "./payment-status-badge";
import { RefundStateBadge } from "./refund-state-badge";

/**
 * Below the sm breakpoint (a phone) each row is a card: cells stack with their column name
 * beside them (data-label), the less needed columns are left out, and the reference link covers
 * the whole card, so a tap anywhere on it opens the payment and nothing scrolls sideways.
 */
const cell =
  "px-3 py-2 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-0.5 max-sm:before:text-xs max-sm:before:text-zinc-600 max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-zinc-400";
const amount = `${cell} whitespace-nowrap text-right tabular-nums`;

const columns = (timeZone: string) => [
  `Created (${timeZone})`,
  "Amount",
  "Refunded",
  "Net",
  "Status",
  "Provider",
  "Flow",
  "Reference",
  "Provider id",
  "Customer",
];

export function PaymentsTable({ rows, timeZone, sort }: { rows: PaymentListRow[]; timeZone: string; sort: ListSort }) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white sm:overflow-x-auto dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full text-left text-sm max-sm:block">
        <caption className="sr-only">{`Payments, ${listSortLabels[sort].toLowerCase()}; times in ${timeZone}`}</caption>
        <thead className="bg-zinc-50 text-xs uppercase text-zinc-600 max-sm:hidden dark:bg-zinc-800/50 dark:text-zinc-400">
          <tr>
            {columns(timeZone).map((column) => (
              <th key={column} scope="col" className="px-3 py-2">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 max-sm:block dark:divide-zinc-800">
          {rows.map((row) => (
            <PaymentRow key={row.id} row={row} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function PaymentRow({ row, timeZone }: { row: PaymentListRow; timeZone: string }) {
  const known = isKnownCurrency(row.currency);
  const refund = paymentRefundState(row);
  const money = (minor: bigint) => formatMinor(minor, row.currency);
  return (
    <tr
      className="align-top max-sm:relative max-sm:block max-sm:px-3 max-sm:py-2 max-sm:focus-within:bg-indigo-50 dark:max-sm:focus-within:bg-indigo-500/10"
      data-testid={`payment-${row.id}`}
    >
      <td className={`${cell} whitespace-nowrap text-xs`} data-label="Created">
        <time className="font-mono" dateTime={row.createdAt.toISOString()}>
          {formatWallTime(row.createdAt, timeZone)}
        </time>
      </td>
      <td className={amount} data-label="Amount" data-testid="amount">
        <span>
          {money(row.amountMinor)}
          {known ? null : (
            <span
              className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-medium text-amber-900 dark:bg-amber-500/15 dark:text-amber-200"
              data-testid="currency-review"
              title={unknownCurrencyNotice(row.currency)}
            >
              Needs review
            </span>
          )}
        </span>
      </td>
      <td
        className={`${amount} ${refund.state === "none" ? "max-sm:hidden" : ""}`}
        data-label="Refunded"
        data-testid="refunded"
      >
        {refund.state === "none" ? (
          <span className="text-zinc-600 dark:text-zinc-400">—</span>
        ) : (
          money(refund.refundedMinor)
        )}
      </td>
      <td className={`${amount} ${refund.state === "none" ? "max-sm:hidden" : ""}`} data-label="Net" data-testid="net">
        {row.capturedMinor > 0n ? money(refund.netMinor) : <span className="text-zinc-600 dark:text-zinc-400">—</span>}
      </td>
      <td className={cell} data-label="Status">
        <span className="flex flex-wrap justify-end gap-1 sm:justify-start">
          <PaymentStatusBadge status={row.status} />
          <RefundStateBadge payment={row} />
        </span>
      </td>
      <td className={cell} data-label="Provider">
        {paymentProviderLabels[row.provider]}
      </td>
      <td className={`${cell} text-xs max-sm:hidden`} data-label="Flow">
        {paymentFlowLabel(row.provider, row.flow)}
      </td>
      <td className={cell} data-label="Reference">
        <Link
          href={`/payments/${row.id}`}
          className="break-all font-medium text-indigo-700 underline-offset-2 hover:underline max-sm:text-right max-sm:after:absolute max-sm:after:inset-0 dark:text-indigo-300"
        >
          {row.reference}
        </Link>
      </td>
      <td className={`${cell} break-all font-mono text-xs max-sm:hidden`} data-label="Provider id">
        {row.providerPaymentId ?? "—"}
      </td>
      <td
        className={`${cell} text-xs ${row.customerEmail || row.customerName ? "" : "max-sm:hidden"}`}
        data-label="Customer"
      >
        {row.customerEmail || row.customerName ? (
          <span className="min-w-0 max-sm:text-right">
            {row.customerName ? <span className="block">{row.customerName}</span> : null}
            {row.customerEmail ? (
              <span className="block break-all text-zinc-600 dark:text-zinc-400">{row.customerEmail}</span>
            ) : null}
          </span>
        ) : (
          "—"
        )}
      </td>
    </tr>
  );
}
