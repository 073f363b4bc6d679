import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Field, inputClass } from "@/components/ui/field";
import { minorToMajorString } from "@/lib/money/convert";
import { isKnownCurrency } from "@/lib/money/currency";
import type { OctopusCardsClient } from "@/lib/providers/octopus-cards/client";
import type { TopupProduct, Wallet } from "@/lib/providers/octopus-cards/types";
import { withParams } from "@/lib/url/search-params";
import { QuoteLinkForm } from "./quote-link-form";

const major = (minor: bigint, currency: string) => (isKnownCurrency(currency) ? minorToMajorString(minor, currency) : minor.toString());
const topupTypes = ["MOBILE", "GAMING"] as const;

/**
 * Topups: find the operator by phone number (the provider's lookup) or browse mobile and gaming
 * products; a chosen product lists its variants, each quoted with an amount. The recipient
 * fields (built from the product's input_fields) are filled in at the quote step.
 */
export async function TopupCatalogue({ client, params, wallets }: { client: OctopusCardsClient; params: Record<string, string>; wallets: Wallet[] }) {
  const phone = params.phone?.trim() ?? "";
  const type = topupTypes.find((t) => t === params.type) ?? "MOBILE";
  const productId = Number(params.productId) || undefined;
  let products: TopupProduct[];
  let lookupNote: string | null = null;
  if (phone) {
    const guesses = await client.lookupOperator(phone);
    products = await Promise.all(guesses.map((g) => client.getTopupProduct(g.productId)));
    lookupNote = guesses.length ? `Operators for ${phone}${guesses.some((g) => g.identified) ? "" : " (guessed from the country code)"}:` : `No operator found for ${phone}. Check the number (international format, e.g. +85251234567) or browse.`;
  } else {
    products = (await client.listTopupProducts({ type, perPage: 50 })).items;
  }
  const chosen = productId ? await client.getTopupProduct(productId) : null;
  const variants = chosen ? (await client.listTopupVariants(chosen.id, { perPage: 50 })).items : [];
  const phoneField = chosen?.inputFields?.find((f) => f.name === "phone_number" || f.name === "mobile_number");

  return (
    <>
      <div className="mb-4 flex flex-wrap items-end gap-6">
        <form method="get" action="/orders/new" aria-label="Find operator by phone number" className="flex items-end gap-2">
          <input type="hidden" name="vertical" value="topup" />
          <Field id="topup-phone" label="Phone number" hint="International format, e.g. +85251234567">
            <input id="topup-phone" name="phone" type="tel" defaultValue={phone} className={inputClass} aria-describedby="topup-phone-hint" />
          </Field>
          <button type="submit" className={buttonClass("primary")}>
            Find operator
          </button>
        </form>
        <nav aria-label="Browse topups" className="flex gap-2 text-sm">
          {topupTypes.map((t) => (
            <Link key={t} href={withParams("/orders/new", { vertical: "topup", type: t })} aria-current={!phone && t === type ? "page" : undefined} className={buttonClass(!phone && t === type ? "secondary" : "ghost")}>
              {t === "MOBILE" ? "Mobile" : "Gaming"}
            </Link>
          ))}
        </nav>
      </div>
      {lookupNote ? <p className="mb-2 text-sm">{lookupNote}</p> : null}
      {products.length ? (
        <ul className="mb-4 flex flex-wrap gap-2" aria-label="Topup products">
          {products.map((p) => (
            <li key={p.id}>
              <Link href={withParams("/orders/new", { vertical: "topup", productId: String(p.id), phone, type: phone ? undefined : type })} aria-current={p.id === chosen?.id ? "true" : undefined} className={buttonClass(p.id === chosen?.id ? "primary" : "secondary")}>
                {p.name} ({p.countryCode}, {p.currency})
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {chosen ? (
        <DataTable caption={`${chosen.name}: plans`} columns={["Plan", "Category", "Amounts", "Order"]}>
          {variants.map((v) => (
            <tr key={v.id} className="align-top" data-testid={`topup-variant-${v.id}`}>
              <td className="px-3 py-2 font-medium">{v.name}</td>
              <td className="px-3 py-2 text-xs">{v.category}</td>
              <td className="px-3 py-2 text-xs">{v.fixedAmounts ? v.fixedAmounts.map((a) => major(a.minor, a.currency)).join(", ") : `${v.min ? major(v.min.minor, chosen.currency) : "?"}–${v.max ? major(v.max.minor, chosen.currency) : "?"}`} {chosen.currency}</td>
              <td className="px-3 py-2">
                <QuoteLinkForm
                  id={`t${v.id}`}
                  label={`Quote ${v.name}`}
                  hidden={{ vertical: "topup", productId: String(chosen.id), variantId: String(v.id), ...(phoneField && phone && { [`input.${phoneField.name}`]: phone }) }}
                  wallets={wallets}
                >
                  <div className="text-sm">
                    <label htmlFor={`t${v.id}-amount`} className="mb-1 block text-xs">
                      Amount ({chosen.currency})
                    </label>
                    {v.fixedAmounts ? (
                      <select id={`t${v.id}-amount`} name="amount" className={inputClass}>
                        {v.fixedAmounts.map((a) => (
                          <option key={a.minor.toString()} value={major(a.minor, a.currency)}>
                            {major(a.minor, a.currency)}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input id={`t${v.id}-amount`} name="amount" inputMode="decimal" required placeholder={v.min ? major(v.min.minor, chosen.currency) : ""} className={`${inputClass} w-28`} />
                    )}
                  </div>
                </QuoteLinkForm>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
