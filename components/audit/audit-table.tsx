import type { AuditRow } from "@/lib/audit/list-audit";

function summary(value: Record<string, unknown> | null): string {
  return value ? JSON.stringify(value) : "";
}

export function AuditTable({ rows }: { rows: AuditRow[] }) {
  return (
    <div className="overflow-x-auto rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">Audit log entries, newest first</caption>
        <thead className="bg-zinc-50 text-xs uppercase text-zinc-600 dark:bg-zinc-800/50 dark:text-zinc-400">
          <tr>
            <th scope="col" className="px-3 py-2">Time (UTC)</th>
            <th scope="col" className="px-3 py-2">Actor</th>
            <th scope="col" className="px-3 py-2">Action</th>
            <th scope="col" className="px-3 py-2">Target</th>
            <th scope="col" className="px-3 py-2">Before → after</th>
            <th scope="col" className="px-3 py-2">From</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">
          {rows.map((row) => (
            <tr key={row.id} className="align-top">
              <td className="whitespace-nowrap px-3 py-2 font-mono text-xs">{row.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td className="px-3 py-2">
                <div>{row.actorEmail ?? "system"}</div>
                {row.actorRole ? <div className="text-xs text-zinc-500">{row.actorRole}</div> : null}
              </td>
              <td className="px-3 py-2 font-mono text-xs">{row.action}</td>
              <td className="px-3 py-2 text-xs">
                {row.targetType ? <div>{row.targetType}</div> : null}
                <div className="break-all font-mono">{row.targetId}</div>
              </td>
              <td className="max-w-md px-3 py-2 font-mono text-xs break-all">
                {row.before ? <div className="text-zinc-500">{summary(row.before)}</div> : null}
                {row.after ? <div>{summary(row.after)}</div> : null}
              </td>
              <td className="px-3 py-2 text-xs">
                <div>{row.ip}</div>
                <div className="max-w-48 truncate text-zinc-500" title={row.userAgent ?? undefined}>
                  {row.userAgent}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
