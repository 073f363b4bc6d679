import Link from "next/link";
import type { ReactNode } from "react";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";

const framedClass =
  "mb-4 space-y-3 rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900";

/**
 * Every list's filter form: a plain GET form, so the filters live in the URL (a view can be
 * shared, reloaded and reached with the back button), its fields showing the values applied,
 * then Apply filters and Clear filters. Inside CollapsibleFilters the panel is the frame;
 * `framed` draws the same frame for a form that stands on its own.
 */
export function FilterForm({
  label,
  action,
  clearHref,
  framed = false,
  children,
}: {
  label: string;
  action: string;
  clearHref: string;
  framed?: boolean;
  children: ReactNode;
}) {
  return (
    <form method="get" action={action} className={framed ? framedClass : "space-y-3 pb-3"} aria-label={label}>
      {children}
      <div className="flex flex-wrap items-center gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <Link href={clearHref} className={buttonClass("ghost")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}

/** The fields of a filter form: one column on a phone, two on a tablet, four on a desktop. */
export function FilterGrid({ children }: { children: ReactNode }) {
  return <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">{children}</div>;
}

/** A filter's select: the first option (empty value) means "no filter", labelled `all` ("All" unless the list's default is named). */
export function FilterSelect({
  id,
  name,
  defaultValue,
  options,
  all = "All",
}: {
  id: string;
  name: string;
  defaultValue: string;
  options: readonly (readonly [value: string, label: string])[];
  all?: string;
}) {
  return (
    <select id={id} name={name} defaultValue={defaultValue} className={inputClass}>
      <option value="">{all}</option>
      {options.map(([value, label]) => (
        <option key={value} value={value}>
          {label}
        </option>
      ))}
    </select>
  );
}
