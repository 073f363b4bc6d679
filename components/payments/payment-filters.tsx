import { paymentProviders, paymentStatuses } from "@/drizzle/schema/payments";
import { Field, inputClass } from "@/components/ui/field";
import { FilterForm, FilterGrid, FilterSelect } from "@/components/ui/filter-form";
import { paymentSearchHint } from "@/lib/domain/payments/list/search";
import { listSortLabels, listSorts } from "@/lib/platform/lists/sort";
import { paymentProviderLabels } from "@/lib/integrations/providers/provider-labels";

const commonTimeZones = [
  "UTC",
  "Asia/Hong_Kong",
  "Asia/Tashkent",
  "Asia/Singapore",
  "Europe/London",
  "Europe/Berlin",
  "America/New_York",
  "America/Los_Angeles",
  "Australia/Sydney",
];
const dateHint = "YYYY-MM-DD, or YYYY-MM-DDTHH:MM";
/** The URL filters folded under "More filters" (the time zone is how times read, not a filter). */
const narrowingFilters = ["provider", "currency", "min", "max", "from", "to", "status", "sync"] as const;

/**
 * A plain GET form: the filters live in the URL, so a view can be shared, reloaded and reached
 * with the back button. It shows the filters as applied (an ignored value is not echoed back;
 * the alert above the table names it and its rule).
 */
export function PaymentFiltersForm({
  params,
  currencies,
}: {
  params: Record<string, string>;
  currencies: readonly string[];
}) {
  const statuses = new Set((params.status ?? "").split(",").filter(Boolean));
  // Search and sort stay in view; the filters that narrow the list fold away until one is set.
  const narrowing = narrowingFilters.filter((key) => params[key]).length;
  // The currencies the ledger holds, and the one chosen even if no payment is in it (any more).
  const currencyOptions = [...new Set([...currencies, ...(params.currency ? [params.currency] : [])])].sort();
  return (
    <FilterForm label="Filter payments" action="/payments" clearHref="/payments" framed>
      <FilterGrid>
        <div className="sm:col-span-2 lg:col-span-3">
          <Field id="filter-q" label="Search" hint={paymentSearchHint}>
            <input
              id="filter-q"
              name="q"
              type="search"
              defaultValue={params.q ?? ""}
              className={inputClass}
              aria-describedby="filter-q-hint"
            />
          </Field>
        </div>
        <Field id="filter-sort" label="Sort" hint="Amount sorts need a currency">
          <select
            id="filter-sort"
            name="sort"
            defaultValue={params.sort ?? "newest"}
            className={inputClass}
            aria-describedby="filter-sort-hint"
          >
            {listSorts.map((s) => (
              <option key={s} value={s}>
                {listSortLabels[s]}
              </option>
            ))}
          </select>
        </Field>
      </FilterGrid>
      <details open={narrowing > 0} data-testid="more-payment-filters">
        <summary className="cursor-pointer select-none rounded text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 dark:focus-visible:outline-indigo-400">
          More filters
          {narrowing > 0 ? (
            <span className="font-normal text-zinc-600 dark:text-zinc-400"> · {narrowing} set</span>
          ) : null}
        </summary>
        <div className="mt-3 space-y-3">
          <FilterGrid>
            <Field id="filter-provider" label="Provider">
              <FilterSelect
                id="filter-provider"
                name="provider"
                defaultValue={params.provider ?? ""}
                options={paymentProviders.map((p) => [p, paymentProviderLabels[p]] as const)}
              />
            </Field>
            <Field id="filter-sync" label="Last sync">
              <FilterSelect
                id="filter-sync"
                name="sync"
                defaultValue={params.sync ?? ""}
                options={[["disagreed", "Disagreed with the provider"]]}
                all="Any"
              />
            </Field>
            <Field id="filter-currency" label="Currency">
              <FilterSelect
                id="filter-currency"
                name="currency"
                defaultValue={params.currency ?? ""}
                options={currencyOptions.map((c) => [c, c] as const)}
              />
            </Field>
            <Field id="filter-min" label="Amount from" hint="In the currency's major units, e.g. 10.50">
              <input
                id="filter-min"
                name="min"
                inputMode="decimal"
                defaultValue={params.min ?? ""}
                className={inputClass}
                aria-describedby="filter-min-hint"
              />
            </Field>
            <Field id="filter-max" label="Amount to" hint="Inclusive; needs a currency">
              <input
                id="filter-max"
                name="max"
                inputMode="decimal"
                defaultValue={params.max ?? ""}
                className={inputClass}
                aria-describedby="filter-max-hint"
              />
            </Field>
            <Field id="filter-tz" label="Time zone" hint="For the dates and the times shown">
              <input
                id="filter-tz"
                name="tz"
                list="filter-tz-options"
                defaultValue={params.tz ?? "UTC"}
                className={inputClass}
                aria-describedby="filter-tz-hint"
              />
              <datalist id="filter-tz-options">
                {commonTimeZones.map((tz) => (
                  <option key={tz} value={tz} />
                ))}
              </datalist>
            </Field>
            <Field id="filter-from" label="Created from" hint={dateHint}>
              <input
                id="filter-from"
                name="from"
                defaultValue={params.from ?? ""}
                placeholder="2024-03-01"
                className={inputClass}
                aria-describedby="filter-from-hint"
              />
            </Field>
            <Field id="filter-to" label="Created to (inclusive)" hint={dateHint}>
              <input
                id="filter-to"
                name="to"
                defaultValue={params.to ?? ""}
                placeholder="2024-03-31"
                className={inputClass}
                aria-describedby="filter-to-hint"
              />
            </Field>
          </FilterGrid>
          <fieldset>
            <legend className="mb-1 text-sm font-medium">Status</legend>
            <div className="flex flex-wrap gap-x-4 gap-y-1">
              {paymentStatuses.map((s) => (
                <label key={s} className="inline-flex items-center gap-1.5 text-sm">
                  <input
                    type="checkbox"
                    name="status"
                    value={s}
                    defaultChecked={statuses.has(s)}
                    className="size-4 rounded border-zinc-300 dark:border-zinc-700"
                  />
                  {s}
                </label>
              ))}
            </div>
          </fieldset>
        </div>
      </details>
    </FilterForm>
  );
}
