import type { ReactNode } from "react";
import { TableHead } from "@/components/ui/table-head";

/** The monitor's list: a table on a wide screen, a stack of cards below 1280 px, where its seven columns would scroll sideways. */
export function MonitorTable({
  id,
  caption,
  columns,
  children,
}: {
  id: string;
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div className="rounded-lg border border-zinc-200 bg-white xl:overflow-x-auto dark:border-zinc-800 dark:bg-zinc-900">
      <table id={id} className="block w-full text-left text-sm xl:table xl:min-w-full">
        <TableHead caption={caption} columns={columns} className="hidden xl:table-header-group" />
        <tbody className="block divide-y divide-zinc-200 xl:table-row-group dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}
