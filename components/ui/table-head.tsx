import { cn } from "./cn";

/**
 * A table's caption (for screen readers) and its row of column headings. `className` says how the
 * head shows: tables whose rows become cards on a narrow screen hide it there.
 */
export function TableHead({
  caption,
  columns,
  className = "",
}: {
  caption: string;
  columns: readonly string[];
  className?: string;
}) {
  return (
    <>
      <caption className="sr-only">{caption}</caption>
      <thead
        className={cn("bg-zinc-50 text-xs uppercase text-zinc-600 dark:bg-zinc-800/50 dark:text-zinc-400", className)}
      >
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col" className="px-3 py-2">
              {column}
            </th>
          ))}
        </tr>
      </thead>
    </>
  );
}
