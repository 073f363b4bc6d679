import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field, inputClass } from "@/components/ui/field";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { isKnownCurrency } from "@/lib/platform/money/currency";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import { moneyText } from "../money-text";
import { QuoteLinkForm } from "./quote-link-form";
import { RangedAmountInput } from "./ranged-amount-input";
import type { WalletChoice } from "./wallet-choices";

const major = (minor: bigint, currency: string) =>
  isKnownCurrency(currency) ? minorToMajorString(minor, currency) : minor.toString();

/** Vouchers: search by name, category and country on the provider (server-side), then a denomination to quote. */
export async function VoucherCatalogue({
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
  const [countries, categories] = await Promise.all([client.listCountries(), client.listCategories()]);
  const countryId = Number(params.country) || undefined;
  const products = await client.listVoucherProducts({
    limit: 50,
    ...(params.search && { search: params.search }),
    ...(params.category && { category: params.category }),
    ...(countryId && { countryId }),
  });
  return (
    <>
      <form method="get" action="/orders/new" aria-label="Search vouchers" className="mb-4 grid gap-3 sm:grid-cols-4">
        <input type="hidden" name="vertical" value="voucher" />
        <Field id="voucher-search" label="Name">
          <input
            id="voucher-search"
            name="search"
            type="search"
            defaultValue={params.search ?? ""}
            className={inputClass}
          />
        </Field>
        <Field id="voucher-category" label="Category">
          <select id="voucher-category" name="category" defaultValue={params.category ?? ""} className={inputClass}>
            <option value="">All</option>
            {categories.items.map((c) => (
              <option key={c.id} value={c.name}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="voucher-country" label="Country">
          <select id="voucher-country" name="country" defaultValue={params.country ?? ""} className={inputClass}>
            <option value="">All</option>
            {countries.items.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </Field>
        <div className="flex items-end">
          <button type="submit" className={buttonClass("primary")}>
            Search
          </button>
        </div>
      </form>
      {products.items.length === 0 ? (
        <p className="text-sm">No voucher matches this search.</p>
      ) : (
        <DataTable caption="Voucher products" columns={["Product", "Category", "Country", "Denominations", "Order"]}>
          {products.items.map((p) => {
            const fixed = p.denominations.filter((d) => d.fixed);
            const range = p.denominations.find((d) => !d.fixed);
            return (
              <tr key={p.id} className="align-top" data-testid={`voucher-product-${p.id}`}>
                <td className="px-3 py-2 font-medium">{p.name}</td>
                <td className="px-3 py-2 text-xs">{p.category ?? "—"}</td>
                <td className="px-3 py-2 text-xs">{p.countryCode ?? "—"}</td>
                <td className="px-3 py-2 text-xs">
                  {p.denominations
                    .map((d) =>
                      d.fixed
                        ? moneyText(d.min.minor, p.currency)
                        : `${moneyText(d.min.minor, p.currency)}–${moneyText(d.max.minor, p.currency)}`,
                    )
                    .join(", ")}
                </td>
                <td className="px-3 py-2">
                  <QuoteLinkForm
                    id={`v${p.id}`}
                    label={`Quote ${p.name}`}
                    hidden={{ vertical: "voucher", productId: String(p.id) }}
                    wallets={wallets}
                    productCurrency={p.currency}
                    back={back}
                  >
                    {range && isKnownCurrency(p.currency) ? (
                      <RangedAmountInput
                        noun="Denomination"
                        id={`v${p.id}-amount`}
                        label={`Denomination (${p.currency})`}
                        currency={p.currency}
                        min={range.min.minor.toString()}
                        max={range.max.minor.toString()}
                      />
                    ) : (
                      <div className="text-sm">
                        <label htmlFor={`v${p.id}-amount`} className="mb-1 block text-xs">
                          Denomination ({p.currency})
                        </label>
                        {range ? (
                          <input
                            id={`v${p.id}-amount`}
                            name="amount"
                            inputMode="decimal"
                            required
                            className={`${inputClass} w-28`}
                          />
                        ) : (
                          <select id={`v${p.id}-amount`} name="amount" className={inputClass}>
                            {fixed.map((d) => (
                              <option key={d.min.minor.toString()} value={major(d.min.minor, p.currency)}>
                                {major(d.min.minor, p.currency)}
                              </option>
                            ))}
                          </select>
                        )}
                      </div>
                    )}
                    <div className="text-sm">
                      <label htmlFor={`v${p.id}-quantity`} className="mb-1 block text-xs">
                        Quantity
                      </label>
                      <input
                        id={`v${p.id}-quantity`}
                        name="quantity"
                        type="number"
                        min={1}
                        max={100}
                        defaultValue={1}
                        className={`${inputClass} w-20`}
                      />
                    </div>
                  </QuoteLinkForm>
                </td>
              </tr>
            );
          })}
        </DataTable>
      )}
    </>
  );
}
