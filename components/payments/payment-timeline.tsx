import Link from "next/link";
import type { ReactNode } from "react";
import { DataTable } from "@/components/ui/data-table";
import { ZonedTime } from "@/components/ui/zoned-time";
import { RefundStatusBadge } from "@/components/refunds/refund-status-badge";
import { OutcomeBadge, SignatureBadge } from "@/components/webhooks/receipt-badges";
import {
  timelineSourceLabels,
  type PaymentTimeline as Timeline,
  type TimelineStatusChange,
} from "@/lib/domain/payments/timeline";
import { ApiCallBodies } from "./api-call-bodies";
import { PaymentStatusBadge } from "./payment-status-badge";

function Arrow({ from, to }: { from: ReactNode; to: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1">
      {from ? (
        <>
          {from}
          <span aria-label="to">→</span>
        </>
      ) : null}
      {to}
    </span>
  );
}

function StatusChange({ change }: { change: TimelineStatusChange }) {
  if (change.of === "payment")
    return (
      <Arrow
        from={change.from && <PaymentStatusBadge status={change.from} />}
        to={<PaymentStatusBadge status={change.to} />}
      />
    );
  return (
    <>
      <span className="sr-only">Refund status: </span>
      <Arrow
        from={change.from && <RefundStatusBadge status={change.from} />}
        to={<RefundStatusBadge status={change.to} />}
      />
    </>
  );
}

/** The payment's merged history (its own events, its refunds' events, webhook deliveries), oldest first; raw payloads and our calls' bodies folded in <details>. */
export function PaymentTimeline({ timeline, timeZone = "UTC" }: { timeline: Timeline; timeZone?: string }) {
  return (
    <section aria-labelledby="timeline-heading" className="mt-6">
      <h2 id="timeline-heading" className="mb-2 text-lg font-semibold">
        Timeline
      </h2>
      {timeline.truncated ? (
        <p className="mb-2 text-sm text-amber-800 dark:text-amber-200">
          Only the most recent {timeline.limit} entries are shown; older ones are left out.
        </p>
      ) : null}
      {timeline.entries.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">Nothing has been recorded for this payment yet.</p>
      ) : (
        <DataTable
          caption="Payment timeline, oldest first"
          columns={[`Time (${timeZone})`, "Source", "What happened", "Status", "By", "Raw payload"]}
        >
          {timeline.entries.map((entry) => (
            <tr key={entry.key} className="align-top" data-testid="timeline-entry">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
                <ZonedTime value={entry.at} timeZone={timeZone} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">{timelineSourceLabels[entry.source]}</td>
              <td className="min-w-64 px-3 py-2">
                <div className="font-medium">{entry.title}</div>
                {entry.refund ? (
                  // A Link, not <a>: the router then knows the hash, and the page's live refreshes keep it.
                  <Link href={entry.refund.href} className="text-xs text-indigo-700 underline dark:text-indigo-300">
                    {entry.refund.label}
                  </Link>
                ) : null}
                {entry.webhook ? (
                  <div className="mt-1 flex flex-wrap gap-1">
                    <SignatureBadge value={entry.webhook.signature} />
                    <OutcomeBadge value={entry.webhook.outcome} />
                  </div>
                ) : null}
                {entry.detail ? (
                  <div className="mt-1 max-w-md break-words text-xs text-zinc-600 dark:text-zinc-400">
                    {entry.detail}
                  </div>
                ) : null}
                <ApiCallBodies calls={entry.apiCalls} />
              </td>
              <td className="whitespace-nowrap px-3 py-2">
                {entry.status ? <StatusChange change={entry.status} /> : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {entry.actor ? (
                  <>
                    <div>{entry.actor.name}</div>
                    <div className="text-zinc-600 dark:text-zinc-400">{entry.actor.email}</div>
                  </>
                ) : (
                  <span className="text-zinc-600 dark:text-zinc-400">—</span>
                )}
              </td>
              <td className="px-3 py-2">
                {entry.rawPayload ? (
                  <details>
                    <summary className="cursor-pointer text-xs text-indigo-700 dark:text-indigo-300">View</summary>
                    <pre
                      tabIndex={0}
                      className="mt-2 max-h-80 max-w-xl overflow-auto rounded bg-zinc-100 p-2 text-xs focus:outline focus:outline-2 focus:outline-indigo-500 dark:bg-zinc-950"
                    >
                      {entry.rawPayload}
                    </pre>
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
