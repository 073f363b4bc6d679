import { webhookOutcomes } from "@/drizzle/schema/payments";
import { Field } from "@/components/ui/field";
import { FilterForm, FilterGrid, FilterSelect } from "@/components/ui/filter-form";
import { receiptProviders, receiptSignatureFilters, type ReceiptFilters } from "@/lib/app/validation/webhooks";

const signatureOptions = receiptSignatureFilters.filter((option) => option !== "valid");

const selects = [
  { name: "provider", label: "Provider", options: receiptProviders, all: "All" },
  { name: "signature", label: "Signature", options: signatureOptions, all: "valid" },
  { name: "outcome", label: "Outcome", options: webhookOutcomes, all: "All" },
] as const;

const optionLabels: Partial<Record<string, string>> = { refused: "refused (invalid or missing)", any: "any" };
const optionLabel = (option: string) => optionLabels[option] ?? option.replaceAll("_", " ");

export function ReceiptFiltersForm({ filters }: { filters: ReceiptFilters }) {
  return (
    <FilterForm label="Filter webhook deliveries" action="/webhooks" clearHref="/webhooks">
      <FilterGrid>
        {selects.map((select) => (
          <Field key={select.name} id={`filter-${select.name}`} label={select.label}>
            <FilterSelect
              id={`filter-${select.name}`}
              name={select.name}
              defaultValue={filters[select.name] === "valid" ? "" : (filters[select.name] ?? "")}
              options={select.options.map((option) => [option, optionLabel(option)] as const)}
              all={select.all}
            />
          </Field>
        ))}
      </FilterGrid>
    </FilterForm>
  );
}
