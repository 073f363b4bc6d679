import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { countryLabel, matchCountry } from "@/lib/domain/orders/countries";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import type { EsimVariant } from "@/lib/integrations/providers/octopus-cards/types";
import { moneyText } from "../money-text";
import { QuoteLinkForm } from "./quote-link-form";
import type { WalletChoice } from "./wallet-choices";

/**
 * eSIM plans by country: the country is picked from the countries that have plans, by name or
 * code ("Japan", "JP" and "JPN" find the same plans); a country with no match says so instead of
 * listing every plan. Prices are the variant's, exactly as the provider gives them.
 */
export async function EsimCatalogue({
  client,
  params,
  wallets,
  back,
}: {
  client: OctopusCardsClient;
  params: Record<string, string>;
  wallets: WalletChoice[];
  back: string;
}) {
  const typed = params.country?.trim() ?? "";
  const all = (await client.listEsimProducts({ perPage: 50 })).items;
  const countries = [...new Set(all.map((p) => p.countryCode))].sort((a, b) =>
    countryLabel(a).localeCompare(countryLabel(b)),
  );
  const country = typed ? matchCountry(typed, countries) : undefined;
  const unmatched =
    typed !== "" && country === undefined
      ? [`has no eSIM plans for “${typed}”: choose a country from the list, e.g. Japan or JP`]
      : undefined;
  const products = unmatched ? [] : all.filter((p) => !country || p.countryCode === country);
  const plans = await Promise.all(
    products.map(async (p) => ({
      product: p,
      variants: p.variants ?? (await client.listEsimVariants(p.id, { perPage: 50 })).items,
    })),
  );
  const rows: { productName: string; countryCode: string; variant: EsimVariant }[] = plans.flatMap(
    ({ product, variants }) =>
      variants.map((variant) => ({ productName: product.name, countryCode: product.countryCode, variant })),
  );
  return (
    <>
      <form
        method="get"
        action="/orders/new"
        aria-label="eSIM plans by country"
        className="mb-4 flex flex-wrap items-start gap-2"
      >
        <input type="hidden" name="vertical" value="esim" />
        <Field
          id="esim-country"
          label="Country or country code"
          hint="A name or code from the list, e.g. Japan, JP or JPN; empty for every country"
          errors={unmatched}
        >
          <input
            id="esim-country"
            name="country"
            list="esim-countries"
            defaultValue={typed}
            autoComplete="off"
            className={inputClass}
            aria-invalid={unmatched ? true : undefined}
            aria-describedby={describedBy("esim-country", unmatched, "hint")}
          />
        </Field>
        <datalist id="esim-countries">
          {countries.map((c) => (
            <option key={c} value={countryLabel(c)}>
              {c}
            </option>
          ))}
        </datalist>
        <button type="submit" className={`${buttonClass("primary")} mt-6`}>
          Show plans
        </button>
      </form>
      {unmatched ? null : rows.length === 0 ? (
        <p className="text-sm">No eSIM plan for {country ? countryLabel(country) : "any country"} today.</p>
      ) : (
        <DataTable
          caption={`eSIM plans: ${country ? countryLabel(country) : "every country"}`}
          columns={["Plan", "Country", "Data", "Validity", "Price", "Order"]}
        >
          {rows.map(({ productName, countryCode, variant }) => (
            <tr key={variant.id} className="align-top" data-testid={`esim-variant-${variant.id}`}>
              <td className="px-3 py-2 font-medium">
                {productName}
                {variant.name ? (
                  <span className="block text-xs text-zinc-500 dark:text-zinc-400">{variant.name}</span>
                ) : null}
              </td>
              <td className="px-3 py-2 text-xs">
                {countryLabel(countryCode)} ({countryCode})
              </td>
              <td className="px-3 py-2 tabular-nums">{variant.dataAmountGb} GB</td>
              <td className="px-3 py-2 tabular-nums">{variant.validityDays} days</td>
              <td className="whitespace-nowrap px-3 py-2 text-right tabular-nums">
                {moneyText(variant.price.minor, variant.price.currency)}
              </td>
              <td className="px-3 py-2">
                <QuoteLinkForm
                  id={`e${variant.id}`}
                  label={`Quote ${productName} ${variant.dataAmountGb} GB`}
                  hidden={{ vertical: "esim", productId: String(variant.productId), variantId: String(variant.id) }}
                  wallets={wallets}
                  productCurrency={variant.price.currency}
                  back={back}
                />
              </td>
            </tr>
          ))}
        </DataTable>
      )}
    </>
  );
}
