import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field, inputClass } from "@/components/ui/field";
import type { OctopusCardsClient } from "@/lib/providers/octopus-cards/client";
import type { EsimVariant, Wallet } from "@/lib/providers/octopus-cards/types";
import { moneyText } from "../money-text";
import { QuoteLinkForm } from "./quote-link-form";

/** eSIM plans by country: data, validity and price; the price is the variant's, exactly as the provider gives it. */
export async function EsimCatalogue({ client, params, wallets }: { client: OctopusCardsClient; params: Record<string, string>; wallets: Wallet[] }) {
  const country = params.country?.trim().toUpperCase() ?? "";
  const products = (await client.listEsimProducts({ perPage: 50, ...(/^[A-Z]{2,3}$/.test(country) && { countryCode: country }) })).items;
  const plans = await Promise.all(products.map(async (p) => ({ product: p, variants: p.variants ?? (await client.listEsimVariants(p.id, { perPage: 50 })).items })));
  const rows: { productName: string; countryCode: string; variant: EsimVariant }[] = plans.flatMap(({ product, variants }) => variants.map((variant) => ({ productName: product.name, countryCode: product.countryCode, variant })));
  return (
    <>
      <form method="get" action="/orders/new" aria-label="eSIM plans by country" className="mb-4 flex items-end gap-2">
        <input type="hidden" name="vertical" value="esim" />
        <Field id="esim-country" label="Country code" hint="ISO 3166 alpha-3 code, e.g. HKG or JPN; empty for all">
          <input id="esim-country" name="country" defaultValue={country} className={inputClass} aria-describedby="esim-country-hint" />
        </Field>
        <button type="submit" className={buttonClass("primary")}>
          Show plans
        </button>
      </form>
      {rows.length === 0 ? (
        <p className="text-sm">No eSIM plan for this country.</p>
      ) : (
        <DataTable caption="eSIM plans" columns={["Plan", "Country", "Data", "Validity", "Price", "Order"]}>
          {rows.map(({ productName, countryCode, variant }) => (
            <tr key={variant.id} className="align-top" data-testid={`esim-variant-${variant.id}`}>
              <td className="px-3 py-2 font-medium">
                {productName}
                {variant.name ? <span className="block text-xs text-zinc-500 dark:text-zinc-400">{variant.name}</span> : null}
              </td>
              <td className="px-3 py-2 text-xs">{countryCode}</td>
              <td className="px-3 py-2 tabular-nums">{variant.dataAmountGb} GB</td>
              <td className="px-3 py-2 tabular-nums">{variant.validityDays} days</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">{moneyText(variant.price.minor, variant.price.currency)}</td>
              <td className="px-3 py-2">
                <QuoteLinkForm id={`e${variant.id}`} label={`Quote ${productName} ${variant.dataAmountGb} GB`} hidden={{ vertical: "esim", productId: String(variant.productId), variantId: String(variant.id) }} wallets={wallets} />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
