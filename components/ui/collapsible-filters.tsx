import type { ReactNode } from "react";

/**
 * A filter panel that folds away: open whenever a filter is set (so what narrows the list is in
 * view), folded otherwise. A native <details>, so it opens with the keyboard and works before
 * any script has loaded.
 */
export function CollapsibleFilters({
  activeCount,
  label = "Filters",
  children,
}: {
  activeCount: number;
  label?: string;
  children: ReactNode;
}) {
  return (
    <details
      open={activeCount > 0}
      className="mb-4 rounded-lg border border-zinc-200 bg-white dark:border-zinc-800 dark:bg-zinc-900"
      data-testid="collapsible-filters"
    >
      <summary className="cursor-pointer select-none rounded-lg px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400">
        {label}
        {activeCount > 0 ? (
          <span className="font-normal text-zinc-600 dark:text-zinc-400">
            {" "}
            · {activeCount === 1 ? "1 set" : `${activeCount} set`}
          </span>
        ) : null}
      </summary>
      <div className="border-t border-zinc-200 px-3 pt-3 dark:border-zinc-800">{children}</div>
    </details>
  );
}
