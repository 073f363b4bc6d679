import Link from "next/link";
import { orderStatuses, orderVerticals } from "@/drizzle/schema/orders";
import { buttonClass } from "@/components/ui/button";
import { Field, inputClass } from "@/components/ui/field";
import { orderStatusLabels } from "@/lib/orders/order-status";
import { verticalLabels } from "./order-labels";

const dateHint = "YYYY-MM-DD or YYYY-MM-DDTHH:MM, UTC";

/** A plain GET form: the filters live in the URL (shareable, reloadable, back button). */
export function OrderFiltersForm({ params }: { params: Record<string, string> }) {
  return (
    <form method="get" action="/orders" className="mb-4 space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" aria-label="Filter orders">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        <Field id="filter-q" label="Reference" hint="client_reference (or its start), provider order id or order id">
          <input id="filter-q" name="q" type="search" defaultValue={params.q ?? ""} className={inputClass} aria-describedby="filter-q-hint" />
        </Field>
        <Field id="filter-vertical" label="Type">
          <select id="filter-vertical" name="vertical" defaultValue={params.vertical ?? ""} className={inputClass}>
            <option value="">All</option>
            {orderVerticals.map((v) => (
              <option key={v} value={v}>
                {verticalLabels[v]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-status" label="Status">
          <select id="filter-status" name="status" defaultValue={params.status ?? ""} className={inputClass}>
            <option value="">All</option>
            {orderStatuses.map((s) => (
              <option key={s} value={s}>
                {orderStatusLabels[s]}
              </option>
            ))}
          </select>
        </Field>
        <Field id="filter-from" label="Created from" hint={dateHint}>
          <input id="filter-from" name="from" defaultValue={params.from ?? ""} placeholder="2026-01-01" className={inputClass} aria-describedby="filter-from-hint" />
        </Field>
        <Field id="filter-to" label="Created to (inclusive)" hint={dateHint}>
          <input id="filter-to" name="to" defaultValue={params.to ?? ""} placeholder="2026-01-31" className={inputClass} aria-describedby="filter-to-hint" />
        </Field>
      </div>
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <Link href="/orders" className={buttonClass("ghost")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
