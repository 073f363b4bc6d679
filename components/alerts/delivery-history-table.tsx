import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/ui/utc-time";
import type { DeliveryHistoryRow, DeliveryState } from "@/lib/domain/alerts/delivery-history";

const stateLabels: Record<DeliveryState, string> = {
  sent: "Sent",
  "waiting-for-digest": "Waiting for its digest",
  queued: "Queued",
  retrying: "Retrying",
  "given-up": "Given up",
};

const atLabels: Record<DeliveryState, string> = {
  sent: "sent",
  "waiting-for-digest": "goes out",
  queued: "goes out",
  retrying: "next try",
  "given-up": "given up",
};

export function DeliveryHistoryTable({ rows }: { rows: DeliveryHistoryRow[] }) {
  return (
    <DataTable
      caption="Alert email and webhook sends, newest first"
      columns={["Alert", "Channel", "To", "Status", "Attempts", "When (UTC)"]}
    >
      {rows.map((row) => (
        <tr key={row.id} data-testid="alert-delivery">
          <td className="px-3 py-2">
            <Link href={row.alertHref} className="text-indigo-700 underline dark:text-indigo-300">
              {row.alertTitle}
            </Link>
          </td>
          <td className="px-3 py-2">{row.channel === "email" ? "Email" : "Webhook"}</td>
          <td className="px-3 py-2 break-all">{row.recipient}</td>
          <td className="px-3 py-2" data-testid="alert-delivery-state">
            {stateLabels[row.state]}
            {row.lastError && row.state !== "sent" ? (
              <div className="text-xs text-red-700 dark:text-red-300">{row.lastError}</div>
            ) : null}
          </td>
          <td className="px-3 py-2 tabular-nums">{row.attempts}</td>
          <td className="px-3 py-2 font-mono text-xs whitespace-nowrap">
            {atLabels[row.state]} <UtcTime value={row.at} />
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
