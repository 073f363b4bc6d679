import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import type { ReceiptRow } from "@/lib/domain/webhooks/list-receipts";
import { prettyBody } from "@/lib/domain/webhooks/pretty-body";
import { OutcomeBadge, SignatureBadge } from "./receipt-badges";
import { UtcTime } from "@/components/ui/utc-time";

export function ReceiptsTable({ rows }: { rows: ReceiptRow[] }) {
  return (
    <DataTable
      caption="Webhook deliveries received, newest first"
      columns={["Received (UTC)", "Provider", "Event", "Signature", "Outcome", "Payment", "Raw body"]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="align-top" data-testid={`receipt-${row.id}`}>
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <UtcTime value={row.receivedAt} />
          </td>
          <td className="px-3 py-2">{row.provider}</td>
          <td className="px-3 py-2 font-mono text-xs">
            <div>{row.eventType ?? "—"}</div>
            <div className="text-zinc-500 dark:text-zinc-400">{row.eventId ?? ""}</div>
          </td>
          <td className="px-3 py-2">
            <SignatureBadge value={row.signature} />
          </td>
          <td className="px-3 py-2">
            <OutcomeBadge value={row.outcome} />
            {row.detail ? (
              <div className="mt-1 max-w-xs text-xs text-zinc-500 dark:text-zinc-400">{row.detail}</div>
            ) : null}
          </td>
          <td className="px-3 py-2 text-xs">
            {row.paymentId ? (
              <Link href={`/payments/${row.paymentId}`} className="text-indigo-700 underline dark:text-indigo-300">
                Open<span className="sr-only"> the payment of {row.eventId ?? "this delivery"}</span>
              </Link>
            ) : (
              <span className="text-zinc-500 dark:text-zinc-400">—</span>
            )}
          </td>
          <td className="px-3 py-2">
            <details>
              <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">View</summary>
              <pre className="mt-2 max-h-80 max-w-xl overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-950">
                {prettyBody(row.rawBody)}
              </pre>
              {row.rawBodySha256 ? (
                <p className="mt-1 max-w-xl font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">
                  SHA-256 of the body as received: {row.rawBodySha256}
                </p>
              ) : null}
            </details>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
