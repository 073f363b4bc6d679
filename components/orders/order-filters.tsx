import { orderStatuses, orderVerticals } from "@/drizzle/schema/orders";
import { Field, inputClass } from "@/components/ui/field";
import { FilterForm, FilterGrid, FilterSelect } from "@/components/ui/filter-form";
import { orderStatusLabels } from "@/lib/domain/orders/order-status";
import { verticalLabels } from "./order-labels";

const dateHint = "YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC";

export function OrderFiltersForm({ params }: { params: Record<string, string> }) {
  return (
    <FilterForm label="Filter orders" action="/orders" clearHref="/orders">
      <FilterGrid>
        <Field id="filter-q" label="Reference" hint="client_reference (or its start), provider order id or order id">
          <input
            id="filter-q"
            name="q"
            type="search"
            defaultValue={params.q ?? ""}
            className={inputClass}
            aria-describedby="filter-q-hint"
          />
        </Field>
        <Field id="filter-vertical" label="Type">
          <FilterSelect
            id="filter-vertical"
            name="vertical"
            defaultValue={params.vertical ?? ""}
            options={orderVerticals.map((v) => [v, verticalLabels[v]] as const)}
          />
        </Field>
        <Field id="filter-status" label="Status">
          <FilterSelect
            id="filter-status"
            name="status"
            defaultValue={params.status ?? ""}
            options={orderStatuses.map((s) => [s, orderStatusLabels[s]] as const)}
          />
        </Field>
        <Field id="filter-from" label="Created from" hint={dateHint}>
          <input
            id="filter-from"
            name="from"
            defaultValue={params.from ?? ""}
            placeholder="2026-01-01"
            className={inputClass}
            aria-describedby="filter-from-hint"
          />
        </Field>
        <Field id="filter-to" label="Created to (inclusive)" hint={dateHint}>
          <input
            id="filter-to"
            name="to"
            defaultValue={params.to ?? ""}
            placeholder="2026-01-31"
            className={inputClass}
            aria-describedby="filter-to-hint"
          />
        </Field>
      </FilterGrid>
    </FilterForm>
  );
}
