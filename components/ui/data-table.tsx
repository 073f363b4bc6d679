import type { ReactNode } from "react";
import { TableHead } from "./table-head";

/**
 * The shared frame of every data table: scrolls sideways when it is wider than the page, caption
 * for screen readers. The frame is focusable so that a keyboard user can scroll it too (WCAG
 * 2.1.1; axe's scrollable-region-focusable), and it is the containing block of what is
 * positioned inside it (screen-reader-only text), which would otherwise widen the whole page.
 */
export function DataTable({
  caption,
  columns,
  children,
}: {
  caption: string;
  columns: readonly string[];
  children: ReactNode;
}) {
  return (
    <div
      // No role or name of its own: the table inside is named by its caption, and a second name
      // would only repeat it.
      tabIndex={0}
      className="relative overflow-x-auto rounded-lg border border-zinc-200 bg-white focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <table className="min-w-full text-left text-sm">
        <TableHead caption={caption} columns={columns} />
        <tbody className="divide-y divide-zinc-200 dark:divide-zinc-800">{children}</tbody>
      </table>
    </div>
  );
}
