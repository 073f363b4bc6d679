import Link from "next/link";
import type { ReactNode } from "react";
import { ZonedTime } from "@/components/ui/zoned-time";
import { RefundStateBadge } from "@/components/payments/refund-state-badge";
import { formatMinor } from "@/lib/platform/money/convert";
import { paymentRefundState } from "@/lib/domain/payments/refund-state";
import type { MonitorRow as Row } from "@/lib/domain/refunds/monitor";
import { isSyncableRefundStatus } from "@/lib/domain/refunds/refund-status";
import { ActionNeededBadge } from "./action-needed-badge";
import { CollectionCountdown } from "./collection-countdown";
import { RefundStatusBadge } from "./refund-status-badge";
import { SyncRefundsButton } from "./sync-refunds-button";
import { WhyPending } from "./why-pending";

import { paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";

/** The monitor's columns, in the order MonitorRow renders its cells. */
export const monitorColumns = (timeZone: string) =>
  [`Requested (${timeZone})`, "Payment", "Amount", "Status", "Provider", "Requested by", "Sync"] as const;

/** A table cell on a wide screen (1280 px and up); narrower, a labelled line of the row's card. */
function Cell({ label, children, className = "" }: { label: string; children: ReactNode; className?: string }) {
  return (
    <td className={`block py-0.5 xl:table-cell xl:px-3 xl:py-2 ${className}`}>
      <span className="mr-1 text-xs text-zinc-600 xl:hidden dark:text-zinc-400">{label}:</span>
      {children}
    </td>
  );
}

/** The payment's refund state and net, the same figures its list row, page and export show. */
function PaymentRefundState({ row }: { row: Row }) {
  const payment = {
    capturedMinor: row.paymentCapturedMinor,
    refundedMinor: row.paymentRefundedMinor,
    currency: row.currency,
  };
  const { state, netMinor } = paymentRefundState(payment);
  if (state === "none") return null;
  return (
    <div className="mt-1 flex flex-wrap items-center gap-x-2 gap-y-1 xl:max-w-56">
      <RefundStateBadge payment={payment} />
      <span className="text-xs text-zinc-600 dark:text-zinc-400" data-testid="payment-net">
        net {formatMinor(netMinor, row.currency)}
      </span>
    </div>
  );
}

/**
 * One refund of the monitor. Below 1280 px (phones, tablets, a laptop beside the sidebar) the row
 * is a card and its payment link covers the whole card (the checkbox and the Sync button sit above
 * it), so a tap anywhere opens the payment.
 */
export function MonitorRow({
  row,
  timeZone,
  paymentHref,
  canSync,
  selectionFormId,
}: {
  row: Row;
  timeZone: string;
  paymentHref: string;
  canSync: boolean;
  selectionFormId: string;
}) {
  const [requested, payment, amount, status, provider, requestedBy, sync] = monitorColumns(timeZone);
  const syncable = canSync && isSyncableRefundStatus(row.status);
  return (
    <tr
      className="relative block px-3 py-3 align-top xl:table-row xl:p-0"
      data-testid="refund-row"
      data-refund-id={row.id}
    >
      <Cell label={requested} className="whitespace-nowrap font-mono text-xs">
        <ZonedTime value={row.createdAt} timeZone={timeZone} />
      </Cell>
      <Cell label={payment}>
        <Link
          href={paymentHref}
          className="break-all font-mono text-xs text-indigo-700 xl:break-normal underline after:absolute after:inset-0 xl:after:content-none dark:text-indigo-300"
        >
          {row.paymentReference}
        </Link>
        <PaymentRefundState row={row} />
      </Cell>
      <Cell label={amount} className="whitespace-nowrap font-medium">
        {formatMinor(row.amountMinor, row.currency)}
      </Cell>
      <Cell label={status}>
        <div className="inline-flex flex-wrap items-center gap-2">
          <RefundStatusBadge status={row.status} />
          {row.overdue ? (
            <span className="rounded bg-red-100 px-1.5 text-xs font-medium text-red-800 dark:bg-red-500/15 dark:text-red-300">
              Overdue
            </span>
          ) : null}
          <CollectionCountdown days={row.expiresInDays} />
          <ActionNeededBadge actionNeeded={row.actionNeeded} latest={row.latestFollowUp} />
        </div>
        <WhyPending row={row} timeZone={timeZone} />
      </Cell>
      <Cell label={provider}>{paymentProviderLabels[row.provider]}</Cell>
      <Cell label={requestedBy} className="break-all text-xs xl:break-normal">
        {row.requesterEmail ?? "—"}
      </Cell>
      {syncable ? (
        <Cell label={sync} className="relative z-10 text-xs text-zinc-600 dark:text-zinc-400">
          <div className="mt-1 inline-flex flex-wrap items-center gap-3 xl:mt-0 xl:flex xl:flex-col xl:items-start xl:gap-2">
            <label className="flex min-h-7 items-center gap-1">
              <input
                type="checkbox"
                name="refundIds"
                value={row.id}
                form={selectionFormId}
                className="size-4"
                aria-label={`Select the refund of ${row.paymentReference} for syncing`}
              />
              Select
            </label>
            <SyncRefundsButton refundId={row.id} />
          </div>
        </Cell>
      ) : (
        <td className="hidden xl:table-cell" />
      )}
    </tr>
  );
}
