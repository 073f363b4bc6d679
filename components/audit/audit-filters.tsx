import { Field, inputClass } from "@/components/ui/field";
import { FilterForm, FilterGrid } from "@/components/ui/filter-form";
import type { AuditFilters } from "@/lib/app/validation/audit";

const fields = [
  { name: "action", label: "Action starts with", placeholder: "user." },
  { name: "actor", label: "Actor email contains", placeholder: "finance@" },
  { name: "target", label: "Target id", placeholder: "exact id" },
] as const;

export function AuditFiltersForm({ filters }: { filters: AuditFilters }) {
  return (
    <FilterForm label="Filter audit log" action="/audit" clearHref="/audit">
      <FilterGrid>
        {fields.map((field) => (
          <Field key={field.name} id={`filter-${field.name}`} label={field.label}>
            <input
              id={`filter-${field.name}`}
              name={field.name}
              defaultValue={filters[field.name] ?? ""}
              placeholder={field.placeholder}
              className={inputClass}
            />
          </Field>
        ))}
        <Field id="filter-from" label="From (UTC)">
          <input id="filter-from" type="date" name="from" defaultValue={filters.from ?? ""} className={inputClass} />
        </Field>
        <Field id="filter-to" label="To (UTC)">
          <input id="filter-to" type="date" name="to" defaultValue={filters.to ?? ""} className={inputClass} />
        </Field>
      </FilterGrid>
    </FilterForm>
  );
}
