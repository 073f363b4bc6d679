import { DataTable } from "@/components/ui/data-table";
import type { AuditRow } from "@/lib/domain/audit/list-audit";
import { UtcTime } from "@/components/ui/utc-time";

function summary(value: Record<string, unknown> | null): string {
  return value ? JSON.stringify(value) : "";
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <DataTable
      caption="Audit log entries, newest first"
      columns={["Time (UTC)", "Actor", "Action", "Target", "Before → after", "From"]}
    >
      {rows.map((row) => (
        <tr key={row.id} className="align-top">
          <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">
            <UtcTime value={row.at} />
          </td>
          <td className="px-3 py-2">
            <div>{row.actorEmail ?? "system"}</div>
            {row.actorRole ? <div className="text-xs text-zinc-500 dark:text-zinc-400">{row.actorRole}</div> : null}
          </td>
          <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
          <td className="px-3 py-2 text-xs">
            {row.targetType ? <div>{row.targetType}</div> : null}
            <div className="break-all font-mono">{row.targetId}</div>
          </td>
          <td className="max-w-md px-3 py-2 font-mono text-xs break-all">
            {row.before ? <div className="text-zinc-500 dark:text-zinc-400">{summary(row.before)}</div> : null}
            {row.after ? <div>{summary(row.after)}</div> : null}
          </td>
          <td className="px-3 py-2 text-xs">
            <div>{row.ip}</div>
            <div className="max-w-48 truncate text-zinc-500 dark:text-zinc-400" title={row.userAgent ?? undefined}>
              {row.userAgent}
            </div>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
