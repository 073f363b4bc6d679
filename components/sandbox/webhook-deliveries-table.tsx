import { DataTable } from "@/components/ui/data-table";
import type { listWebhookDeliveries } from "@/lib/integrations/sandbox/mount";
import { UtcTime } from "@/components/ui/utc-time";

type Delivery = Awaited<ReturnType<typeof listWebhookDeliveries>>[number];

function outcome(delivery: Delivery): string {
  if (delivery.deliveredAt) return `delivered (HTTP ${delivery.lastStatus})`;
  if (delivery.abandonedAt) return `abandoned: ${delivery.lastError ?? "failed"}`;
  if (delivery.attempts === 0) return "queued";
  return `retrying: ${delivery.lastError ?? "failed"}`;
}

export function WebhookDeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  return (
    <DataTable
      caption="Webhooks sent by the sandboxes, newest first"
      columns={["Provider", "Event", "Attempts", "Outcome", "Next attempt (sandbox time)"]}
    >
      {deliveries.map((d) => (
        <tr key={d.id}>
          <td className="px-3 py-2">{d.provider}</td>
          <td className="px-3 py-2 font-mono text-xs">
            {d.eventType}
            <div className="text-zinc-500 dark:text-zinc-400">{d.eventId}</div>
          </td>
          <td className="px-3 py-2">{d.attempts}</td>
          <td className="px-3 py-2">{outcome(d)}</td>
          <td className="px-3 py-2 font-mono text-xs">{d.nextAttemptAt ? <UtcTime value={d.nextAttemptAt} /> : "—"}</td>
        </tr>
      ))}
    </DataTable>
  );
}
