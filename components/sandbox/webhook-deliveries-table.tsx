import type { listWebhookDeliveries } from "@/lib/sandbox/core/webhooks";

type Delivery = Awaited<ReturnType<typeof listWebhookDeliveries>>[number];

function outcome(delivery: Delivery): string {
  if (delivery.deliveredAt) return `delivered (HTTP ${delivery.lastStatus})`;
  if (delivery.abandonedAt) return `abandoned: ${delivery.lastError ?? "failed"}`;
  if (delivery.attempts === 0) return "queued";
  return `retrying: ${delivery.lastError ?? "failed"}`;
}

export function WebhookDeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Webhooks sent by the sandboxes, newest first</caption>
        <thead className="text-xs uppercase text-zinc-600 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pr-3">Provider</th>
            <th scope="col" className="py-2 pr-3">Event</th>
            <th scope="col" className="py-2 pr-3">Attempts</th>
            <th scope="col" className="py-2 pr-3">Outcome</th>
            <th scope="col" className="py-2 pr-3">Next attempt (sandbox time)</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {deliveries.map((d) => (
            <tr key={d.id}>
              <td className="py-2 pr-3">{d.provider}</td>
              <td className="py-2 pr-3 font-mono text-xs">
                {d.eventType}
                <div className="text-zinc-500">{d.eventId}</div>
              </td>
              <td className="py-2 pr-3">{d.attempts}</td>
              <td className="py-2 pr-3">{outcome(d)}</td>
              <td className="py-2 pr-3 font-mono text-xs">{d.nextAttemptAt?.toISOString().replace("T", " ").slice(0, 19) ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
