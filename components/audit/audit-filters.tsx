import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import type { AuditFilters } from "@/lib/validation/audit";

const fields = [
  { name: "action", label: "Action starts with", placeholder: "user." },
  { name: "actor", label: "Actor email contains", placeholder: "finance@" },
  { name: "target", label: "Target id", placeholder: "exact id" },
] as const;

/** A plain GET form: filters live in the URL, so a view can be shared and the back button works. */
export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  return (
    <form method="get" className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Filter audit log">
      {fields.map((field) => (
        <label key={field.name} className="text-sm">
          <span className="mb-1 block">{field.label}</span>
          <input name={field.name} defaultValue={filters[field.name] ?? ""} placeholder={field.placeholder} className={inputClass} />
        </label>
      ))}
      <label className="text-sm">
        <span className="mb-1 block">From (UTC)</span>
        <input type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
      </label>
      <label className="text-sm">
        <span className="mb-1 block">To (UTC)</span>
        <input type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
      </label>
      <div className="flex items-end gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply
        </button>
        <Link href="/audit" className={buttonClass("ghost")}>
          Clear
        </Link>
      </div>
    </form>
  );
}
