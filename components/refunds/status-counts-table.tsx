import type { ReactNode } from "react";
import { TableHead } from "@/components/ui/table-head";
import { paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import { paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";
import type { StatusTotal } from "@/lib/domain/refunds/monitor";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { RefundStatusBadge } from "./refund-status-badge";
import { RefundTotals } from "./refund-totals";

export interface StatusCountsRow {
  status: RefundStatus;
  /** The count per provider, as shown ("1,000+" when capped). */
  counts: Record<PaymentProviderName, string>;
  totals: StatusTotal[];
}

const providerColumns = paymentProviders.map((name) => ({ name, label: paymentProviderLabels[name] }));
const columns = ["Status", ...providerColumns.map((column) => column.label), "Amount"];

/**
 * A table cell while its card is wide enough; below 26rem of card (a phone, or a narrow column
 * of the grid) a labelled line, so the amounts are never cut off behind a sideways scroll. A
 * container query, not a screen one: the card is narrow both on a phone and beside its neighbour.
 */
function Cell({
  label,
  children,
  className = "",
  testId,
}: {
  label?: string;
  children: ReactNode;
  className?: string;
  testId?: string;
}) {
  return (
    <td
      className={`block py-0.5 @min-[26rem]:table-cell @min-[26rem]:px-3 @min-[26rem]:py-2 ${className}`}
      data-testid={testId}
    >
      {label ? (
        <span className="mr-1 text-xs text-zinc-600 @min-[26rem]:hidden dark:text-zinc-400">{label}:</span>
      ) : null}
      {children}
    </td>
  );
}

/** Refunds per status: the count per provider and the money per currency. */
export function StatusCountsTable({ caption, rows }: { caption: string; rows: StatusCountsRow[] }) {
  return (
    <div className="@container">
      <div className="rounded-lg border border-zinc-200 bg-white @min-[26rem]:overflow-x-auto dark:border-zinc-800 dark:bg-zinc-900">
        <table className="block w-full text-left text-sm @min-[26rem]:table">
          <TableHead caption={caption} columns={columns} className="hidden @min-[26rem]:table-header-group" />
          <tbody className="block divide-y divide-zinc-200 @min-[26rem]:table-row-group dark:divide-zinc-800">
            {rows.map((row) => (
              <tr key={row.status} className="block px-3 py-2 @min-[26rem]:table-row @min-[26rem]:p-0">
                <Cell>
                  <RefundStatusBadge status={row.status} />
                </Cell>
                {providerColumns.map((column) => (
                  <Cell key={column.name} label={column.label} className="tabular-nums">
                    {row.counts[column.name]}
                  </Cell>
                ))}
                <Cell label="Amount" testId={`amount-${row.status}`}>
                  <RefundTotals totals={row.totals} />
                </Cell>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
