import Link from "next/link";
import { webhookOutcomes } from "@/drizzle/schema/payments";
import { buttonClass } from "@/components/ui/button";
import { inputClass } from "@/components/ui/field";
import { receiptProviders, receiptSignatureFilters, type ReceiptFilters } from "@/lib/validation/webhooks";

const signatureOptions = receiptSignatureFilters.filter((option) => option !== "valid");

const selects = [
  { name: "provider", label: "Provider", options: receiptProviders, all: "All" },
  { name: "signature", label: "Signature", options: signatureOptions, all: "valid" },
  { name: "outcome", label: "Outcome", options: webhookOutcomes, all: "All" },
] as const;

const optionLabels: Partial<Record<string, string>> = { refused: "refused (invalid or missing)", any: "any" };

/** A plain GET form: the filters live in the URL (shareable, back button works). */
export function ReceiptFiltersForm({ filters }: { filters: ReceiptFilters }) {
  return (
    <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter webhook deliveries">
      {selects.map((select) => (
        <label key={select.name} className="text-sm">
          <span className="mb-1 block">{select.label}</span>
          <select name={select.name} defaultValue={filters[select.name] === "valid" ? "" : (filters[select.name] ?? "")} className={inputClass}>
            <option value="">{select.all}</option>
            {select.options.map((option) => (
              <option key={option} value={option}>
                {optionLabels[option] ?? option.replaceAll("_", " ")}
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
