import Link from "next/link";
import { webhookOutcomes, webhookSignatureVerdicts } from "@/drizzle/schema/payments";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { receiptProviders, type ReceiptFilters } from "@/lib/validation/webhooks";

const selects = [
  { name: "provider", label: "Provider", options: receiptProviders },
  { name: "signature", label: "Signature", options: webhookSignatureVerdicts },
  { name: "outcome", label: "Outcome", options: webhookOutcomes },
] as const;

/** A plain GET form: the filters live in the URL (shareable, back button works). */
export function ReceiptFiltersForm({ filters }: { filters: ReceiptFilters }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter webhook deliveries">
      {selects.map((select) => (
        <label key={select.name} className="text-sm">
          <span className="mb-1 block">{select.label}</span>
          <select name={select.name} defaultValue={filters[select.name] ?? ""} className={inputClass}>
            <option value="">All</option>
            {select.options.map((option) => (
              <option key={option} value={option}>
                {option.replaceAll("_", " ")}
              </option>
            ))}
          </select>
        </label>
      ))}
      <button type="submit" className={buttonClass("primary")}>
        Apply
      </button>
      <Link href="/webhooks" className={buttonClass("ghost")}>
        Clear
      </Link>
    </form>
  );
}
