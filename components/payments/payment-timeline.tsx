import { DataTable } from "@/components/ui/data-table";
import { UtcTime } from "@/components/ui/utc-time";
import { OutcomeBadge, SignatureBadge } from "@/components/webhooks/receipt-badges";
import { timelineSourceLabels, type PaymentTimeline as Timeline } from "@/lib/payments/timeline";
import { PaymentStatusBadge } from "./payment-status-badge";

/** The payment's merged history, oldest first; raw provider payloads folded in <details>. */
export function PaymentTimeline({ timeline }: { timeline: Timeline }) {
  return (
    <section aria-labelledby="timeline-heading" className="mt-6">
      <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
        Timeline
      </h2>
      {timeline.truncated ? (
        <p className="mb-2 text-sm text-amber-800 dark:text-amber-200">Only the most recent {timeline.limit} entries are shown; older ones are left out.</p>
      ) : null}
      {timeline.entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing has been recorded for this payment yet.</p>
      ) : (
        <DataTable caption="Payment timeline, oldest first" columns={["Time (UTC)", "Source", "What happened", "Status", "By", "Raw payload"]}>
          {timeline.entries.map((entry) => (
            <tr key={entry.key} className="align-top" data-testid="timeline-entry">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                <UtcTime value={entry.at} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">{timelineSourceLabels[entry.source]}</td>
              <td className="px-3 py-2">
                <div className="font-medium">{entry.title}</div>
                {entry.webhook ? (
                  <div className="mt-1 flex flex-wrap gap-1">
                    <SignatureBadge value={entry.webhook.signature} />
                    <OutcomeBadge value={entry.webhook.outcome} />
                  </div>
                ) : null}
                {entry.detail ? <div className="mt-1 max-w-md break-words font-mono text-xs text-zinc-500 dark:text-zinc-400">{entry.detail}</div> : null}
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {entry.toStatus ? (
                  <span className="inline-flex items-center gap-1">
                    {entry.fromStatus ? (
                      <>
                        <PaymentStatusBadge status={entry.fromStatus} />
                        <span aria-label="to">→</span>
                      </>
                    ) : null}
                    <PaymentStatusBadge status={entry.toStatus} />
                  </span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {entry.actor ? (
                  <>
                    <div>{entry.actor.name}</div>
                    <div className="text-zinc-500 dark:text-zinc-400">{entry.actor.email}</div>
                  </>
                ) : (
                  <span className="text-zinc-500 dark:text-zinc-400">—</span>
                )}
              </td>
              <td className="px-3 py-2">
                {entry.rawPayload ? (
                  <details>
                    <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">View</summary>
                    <pre className="mt-2 max-h-80 max-w-xl overflow-auto rounded bg-zinc-100 p-2 text-xs dark:bg-zinc-950">{entry.rawPayload}</pre>
                  </details>
                ) : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
