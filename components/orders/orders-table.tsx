import Link from "next/link";
import { TableHead } from "@/components/ui/table-head";
import { ZonedTime } from "@/components/ui/zoned-time";
import { deliveredText, esimStatusText, failureSentence, recipientText } from "@/lib/domain/orders/list/order-row-text";
import type { OrderListRow } from "@/lib/domain/orders/list/query";
import { withDisplayZone } from "@/lib/platform/time-zone/display-zone";
import { moneyText } from "./money-text";
import { verticalLabels } from "./order-labels";
import { OrderStatusBadge } from "./order-status-badge";

/**
 * Below the sm breakpoint (a phone) each row is a card: cells stack with their column name beside
 * them (data-label), cells with nothing to say are left out, and the product link covers the whole
 * card, so a tap anywhere on it opens the order and nothing scrolls sideways.
 */
const cell =
  "px-3 py-2 max-sm:flex max-sm:justify-between max-sm:gap-3 max-sm:px-0 max-sm:py-0.5 max-sm:before:shrink-0 max-sm:before:text-xs max-sm:before:text-zinc-600 max-sm:before:content-[attr(data-label)] dark:max-sm:before:text-zinc-400";
const amount = `${cell} whitespace-nowrap text-right tabular-nums`;
const muted = "text-xs text-zinc-600 dark:text-zinc-400";
const none = <span className="text-zinc-600 dark:text-zinc-400">—</span>;

const columns = (timeZone: string) => [
  `Created (${timeZone})`,
  "Product",
  "Status",
  "Charged",
  "Refunded",
  "Net",
  "Placed by",
  "Recipient",
  "eSIM",
  "client_reference / provider order",
];

export function OrdersTable({ rows, timeZone }: { rows: OrderListRow[]; timeZone: string }) {
  return (
    <div
      tabIndex={0}
      className="relative rounded-lg border border-zinc-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-500 sm:overflow-x-auto dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table className="min-w-full text-left text-sm max-sm:block">
        <TableHead
          caption={`Orders, newest first; times in ${timeZone}`}
          columns={columns(timeZone)}
          className="max-sm:hidden"
        />
        <tbody className="divide-y divide-zinc-200 max-sm:block dark:divide-zinc-800">
          {rows.map((row) => (
            <OrderRow key={row.id} row={row} timeZone={timeZone} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function OrderRow({ row, timeZone }: { row: OrderListRow; timeZone: string }) {
  const money = (minor: bigint) => moneyText(minor, row.chargeCurrency);
  const delivered = deliveredText(row.deliveredQuantity, row.quantity);
  const failure = failureSentence(row.failureReason);
  const recipient = recipientText(row.details);
  const esim = esimStatusText(row.esimActivationStatus);
  const refunded = row.refundedMinor > 0n;
  const hideOnPhoneIf = (empty: boolean) => (empty ? "max-sm:hidden" : "");
  return (
    <tr
      className="align-top max-sm:relative max-sm:block max-sm:px-3 max-sm:py-2 max-sm:focus-within:bg-indigo-50 dark:max-sm:focus-within:bg-indigo-500/10"
      data-testid={`order-${row.id}`}
    >
      <td className={`${cell} whitespace-nowrap font-mono text-xs`} data-label="Created">
        <ZonedTime value={row.createdAt} timeZone={timeZone} />
      </td>
      <td className={`${cell} sm:min-w-48`} data-label="Product">
        <span className="min-w-0 max-sm:text-right">
          <Link
            href={withDisplayZone(`/orders/${row.id}`, timeZone)}
            className="font-medium text-indigo-700 underline-offset-2 hover:underline max-sm:after:absolute max-sm:after:inset-0 dark:text-indigo-300"
          >
            {row.productName}
          </Link>
          <span className={`block ${muted}`}>
            {verticalLabels[row.vertical]} · {moneyText(row.faceValueMinor, row.faceValueCurrency)}
            {row.quantity > 1 ? ` × ${row.quantity}` : null}
          </span>
        </span>
      </td>
      <td className={`${cell} sm:min-w-40`} data-label="Status">
        <span className="min-w-0 max-sm:text-right">
          <OrderStatusBadge status={row.status} />
          {delivered ? (
            <span className={`block ${muted}`} data-testid="delivered">
              {delivered} delivered
            </span>
          ) : null}
          {failure ? (
            <span className="block max-w-64 text-xs text-red-700 dark:text-red-300" data-testid="failure-reason">
              {failure}
            </span>
          ) : null}
        </span>
      </td>
      <td className={amount} data-label="Charged" data-testid="charged">
        <span>
          {money(row.chargeMinor)}
          <span className={`block ${muted}`}>wallet #{row.walletId}</span>
        </span>
      </td>
      <td className={`${amount} ${hideOnPhoneIf(!refunded)}`} data-label="Refunded" data-testid="refunded">
        {refunded ? money(row.refundedMinor) : none}
      </td>
      <td className={`${amount} ${hideOnPhoneIf(!refunded)}`} data-label="Net" data-testid="net">
        {money(row.chargeMinor - row.refundedMinor)}
      </td>
      <td
        className={`${cell} text-xs sm:min-w-44 ${hideOnPhoneIf(!row.placedByEmail)}`}
        data-label="Placed by"
        data-testid="placed-by"
      >
        {row.placedByEmail ? (
          <span className="min-w-0 max-sm:text-right">
            <span className="block">{row.placedByName}</span>
            <span className="block break-words text-zinc-600 dark:text-zinc-400">{row.placedByEmail}</span>
          </span>
        ) : (
          none
        )}
      </td>
      <td
        className={`${cell} break-words text-xs sm:min-w-32 ${hideOnPhoneIf(!recipient)}`}
        data-label="Recipient"
        data-testid="recipient"
      >
        {recipient ?? none}
      </td>
      <td
        className={`${cell} text-xs sm:min-w-40 ${hideOnPhoneIf(!esim && !row.esimIccid)}`}
        data-label="eSIM"
        data-testid="esim"
      >
        {esim || row.esimIccid ? (
          <span className="min-w-0 max-sm:text-right">
            {esim ? <span className="block">{esim}</span> : null}
            {row.esimInstalledAt ? (
              <span className={`block ${muted}`}>
                installed <ZonedTime value={row.esimInstalledAt} timeZone={timeZone} />
              </span>
            ) : null}
            {row.esimIccid ? (
              <span className="block break-all font-mono text-zinc-600 dark:text-zinc-400">ICCID {row.esimIccid}</span>
            ) : null}
          </span>
        ) : (
          none
        )}
      </td>
      <td className={`${cell} break-all font-mono text-xs sm:min-w-48 max-sm:hidden`} data-label="References">
        {row.clientReference}
        <span className={`block ${muted}`}>
          {row.providerOrderId === null ? "no provider order" : `provider #${row.providerOrderId}`}
        </span>
      </td>
    </tr>
  );
}
