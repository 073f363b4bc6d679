import Link from "next/link";
import type { ReactNode } from "react";
import { paymentProviders, paymentStatuses } from "@/drizzle/schema/payments";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { currencyExponents } from "@/lib/money/currency";
import { paymentSortLabels, paymentSorts } from "@/lib/payments/list/sort";
import { providerLabels } from "./labels";

const commonTimeZones = ["UTC", "Asia/Hong_Kong", "Asia/Tashkent", "Asia/Singapore", "Europe/London", "Europe/Berlin", "America/New_York", "America/Los_Angeles", "Australia/Sydney"];
const dateHint = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM";

function Labelled({ id, label, hint, children }: { id: string; label: string; hint?: string; children: ReactNode }) {
  return (
    <div className="text-sm">
      <label htmlFor={id} className="mb-1 block">
        {label}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A plain GET form: the filters live in the URL, so a view can be shared, reloaded and reached
 * with the back button. It shows the filters as applied (an ignored value is not echoed back;
 * the alert above the table names it and its rule).
 */
export function PaymentFiltersForm({ params }: { params: Record<string, string> }) {
  const statuses = new Set((params.status ?? "").split(",").filter(Boolean));
  return (
    <form method="get" action="/payments" className="mb-4 space-y-3 rounded-lg border border-zinc-200 p-3 dark:border-zinc-800" aria-label="Filter payments">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="sm:col-span-2">
          <Labelled id="filter-q" label="Search" hint="Payment id, pay_… or OCTO id, reference or customer email (exact or starting with)">
            <input id="filter-q" name="q" type="search" defaultValue={params.q ?? ""} className={inputClass} aria-describedby="filter-q-hint" />
          </Labelled>
        </div>
        <Labelled id="filter-provider" label="Provider">
          <select id="filter-provider" name="provider" defaultValue={params.provider ?? ""} className={inputClass}>
            <option value="">All</option>
            {paymentProviders.map((p) => (
              <option key={p} value={p}>
                {providerLabels[p]}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="filter-sort" label="Sort">
          <select id="filter-sort" name="sort" defaultValue={params.sort ?? "newest"} className={inputClass}>
            {paymentSorts.map((s) => (
              <option key={s} value={s}>
                {paymentSortLabels[s]}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="filter-currency" label="Currency">
          <select id="filter-currency" name="currency" defaultValue={params.currency ?? ""} className={inputClass}>
            <option value="">All</option>
            {Object.keys(currencyExponents).map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </Labelled>
        <Labelled id="filter-min" label="Amount from" hint="In the currency's major units, e.g. 10.50">
          <input id="filter-min" name="min" inputMode="decimal" defaultValue={params.min ?? ""} className={inputClass} aria-describedby="filter-min-hint" />
        </Labelled>
        <Labelled id="filter-max" label="Amount to" hint="Inclusive; needs a currency">
          <input id="filter-max" name="max" inputMode="decimal" defaultValue={params.max ?? ""} className={inputClass} aria-describedby="filter-max-hint" />
        </Labelled>
        <Labelled id="filter-tz" label="Time zone" hint="For the dates and the times shown">
          <input id="filter-tz" name="tz" list="filter-tz-options" defaultValue={params.tz ?? "UTC"} className={inputClass} aria-describedby="filter-tz-hint" />
          <datalist id="filter-tz-options">
            {commonTimeZones.map((tz) => (
              <option key={tz} value={tz} />
            ))}
          </datalist>
        </Labelled>
        <Labelled id="filter-from" label="Created from" hint={dateHint}>
          <input id="filter-from" name="from" defaultValue={params.from ?? ""} placeholder="2024-03-01" className={inputClass} aria-describedby="filter-from-hint" />
        </Labelled>
        <Labelled id="filter-to" label="Created to (inclusive)" hint={dateHint}>
          <input id="filter-to" name="to" defaultValue={params.to ?? ""} placeholder="2024-03-31" className={inputClass} aria-describedby="filter-to-hint" />
        </Labelled>
      </div>
      <fieldset>
        <legend className="mb-1 text-sm">Status</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {paymentStatuses.map((s) => (
            <label key={s} className="inline-flex items-center gap-1.5 text-sm">
              <input type="checkbox" name="status" value={s} defaultChecked={statuses.has(s)} className="size-4 rounded border-zinc-300 dark:border-zinc-700" />
              {s}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="flex items-center gap-2">
        <button type="submit" className={buttonClass("primary")}>
          Apply filters
        </button>
        <Link href="/payments" className={buttonClass("ghost")}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
