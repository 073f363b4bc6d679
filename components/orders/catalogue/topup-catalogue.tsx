import Link from "next/link";
import type { CountryCode } from "libphonenumber-js";
import { buttonClass } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { isKnownCurrency } from "@/lib/platform/money/currency";
import { alpha2Of, countryLabel } from "@/lib/domain/orders/countries";
import { normalisePhone, phoneCountryOrFallback } from "@/lib/domain/orders/phone/normalise-phone";
import type { OctopusCardsClient } from "@/lib/integrations/providers/octopus-cards/client";
import { isOctopusCardsError } from "@/lib/integrations/providers/octopus-cards/errors";
import type { TopupProduct } from "@/lib/integrations/providers/octopus-cards/types";
import { withParams } from "@/lib/platform/url/search-params";
import { QuoteLinkForm } from "./quote-link-form";
import { RangedAmountInput } from "./ranged-amount-input";
import type { WalletChoice } from "./wallet-choices";
import { log } from "@/lib/platform/log/logger";

const major = (minor: bigint, currency: string) =>
  isKnownCurrency(currency) ? minorToMajorString(minor, currency) : minor.toString();
const topupTypes = ["MOBILE", "GAMING"] as const;

type Lookup = { products: TopupProduct[]; note: string | null; phoneError: string | null; e164: string | null };

/** The operator lookup: the typed number normalised first; a refusal or silence of the provider is a sentence, never a crash. */
async function lookUp(client: OctopusCardsClient, phone: string, country: CountryCode): Promise<Lookup> {
  const normalised = normalisePhone(phone, country);
  if (!normalised.ok) return { products: [], note: null, phoneError: normalised.message, e164: null };
  try {
    const guesses = await client.lookupOperator(normalised.e164);
    const products = await Promise.all(guesses.map((g) => client.getTopupProduct(g.productId)));
    const note = guesses.length
      ? `Operators for ${normalised.e164}${guesses.some((g) => g.identified) ? "" : " (guessed from the country code)"}:`
      : `No operator found for ${normalised.e164}. Check the number and the country, or browse mobile topups.`;
    return { products, note, phoneError: null, e164: normalised.e164 };
  } catch (error) {
    if (!isOctopusCardsError(error)) throw error;
    log.error({ err: error }, "new order page: topup operator lookup failed");
    const note =
      error.outcome === "rejected"
        ? `Octopus Cards could not look up ${normalised.e164}; check the number, or browse mobile topups.`
        : "Octopus Cards did not answer the operator lookup; nothing was ordered. Try again, or browse mobile topups.";
    return { products: [], note, phoneError: null, e164: normalised.e164 };
  }
}

/**
 * Topups: find the operator by phone number (typed as people type it, in the chosen country) or
 * browse mobile and gaming products; a chosen product lists its variants, each quoted with an
 * amount inside its range. The recipient fields are filled in at the quote step.
 */
export async function TopupCatalogue({
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
  const phone = params.phone?.trim() ?? "";
  const type = topupTypes.find((t) => t === params.type) ?? "MOBILE";
  const productId = Number(params.productId) || undefined;
  const mobileProducts = (await client.listTopupProducts({ type: "MOBILE", perPage: 50 })).items;
  const phoneCountries = [
    ...new Set(mobileProducts.map((p) => alpha2Of(p.countryCode)).filter((c): c is string => c !== undefined)),
  ];
  const phoneCountry = phoneCountryOrFallback(params.phoneCountry);
  const lookup: Lookup | null = phone ? await lookUp(client, phone, phoneCountry) : null;
  const products = lookup
    ? lookup.products
    : type === "MOBILE"
      ? mobileProducts
      : (await client.listTopupProducts({ type, perPage: 50 })).items;
  const chosen = productId ? await client.getTopupProduct(productId) : null;
  const variants = chosen ? (await client.listTopupVariants(chosen.id, { perPage: 50 })).items : [];
  const phoneField = chosen?.inputFields?.find((f) => f.name === "phone_number" || f.name === "mobile_number");
  const phoneErrors = lookup?.phoneError ? [lookup.phoneError.replace(/^Phone number /, "")] : undefined;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-end gap-6">
        <form
          method="get"
          action="/orders/new"
          aria-label="Find operator by phone number"
          className="flex flex-wrap items-start gap-2"
        >
          <input type="hidden" name="vertical" value="topup" />
          <Field id="topup-phone-country" label="Country">
            <select id="topup-phone-country" name="phoneCountry" defaultValue={phoneCountry} className={inputClass}>
              {[...new Set([...phoneCountries, phoneCountry])].map((c) => (
                <option key={c} value={c}>
                  {countryLabel(mobileProducts.find((p) => alpha2Of(p.countryCode) === c)?.countryCode ?? c)}
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="topup-phone"
            label="Phone number"
            hint="With or without the country code, e.g. +852 5123 4567 or 5123 4567"
            errors={phoneErrors}
          >
            <input
              id="topup-phone"
              name="phone"
              type="tel"
              defaultValue={phone}
              className={inputClass}
              aria-invalid={phoneErrors ? true : undefined}
              aria-describedby={describedBy("topup-phone", phoneErrors, "hint")}
            />
          </Field>
          <button type="submit" className={`${buttonClass("primary")} mt-6`}>
            Find operator
          </button>
        </form>
        <nav aria-label="Browse topups" className="flex gap-2 text-sm">
          {topupTypes.map((t) => (
            <Link
              key={t}
              href={withParams("/orders/new", { vertical: "topup", type: t })}
              aria-current={!phone && t === type ? "page" : undefined}
              className={buttonClass(!phone && t === type ? "secondary" : "ghost")}
            >
              {t === "MOBILE" ? "Mobile" : "Gaming"}
            </Link>
          ))}
        </nav>
      </div>
      {lookup?.note ? (
        <p className="mb-2 text-sm" role="status">
          {lookup.note}
        </p>
      ) : null}
      {products.length ? (
        <ul className="mb-4 flex flex-wrap gap-2" aria-label="Topup products">
          {products.map((p) => (
            <li key={p.id}>
              <Link
                href={withParams("/orders/new", {
                  vertical: "topup",
                  productId: String(p.id),
                  phone,
                  phoneCountry: phone ? phoneCountry : undefined,
                  type: phone ? undefined : type,
                })}
                aria-current={p.id === chosen?.id ? "true" : undefined}
                className={buttonClass(p.id === chosen?.id ? "primary" : "secondary")}
              >
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
              <td className="px-3 py-2 text-xs">
                {v.fixedAmounts
                  ? v.fixedAmounts.map((a) => major(a.minor, a.currency)).join(", ")
                  : `${v.min ? major(v.min.minor, chosen.currency) : "?"}–${v.max ? major(v.max.minor, chosen.currency) : "?"}`}{" "}
                {chosen.currency}
              </td>
              <td className="px-3 py-2">
                <QuoteLinkForm
                  id={`t${v.id}`}
                  label={`Quote ${v.name}`}
                  hidden={{
                    vertical: "topup",
                    productId: String(chosen.id),
                    variantId: String(v.id),
                    ...(phoneField && lookup?.e164 && { [`input.${phoneField.name}`]: lookup.e164 }),
                  }}
                  wallets={wallets}
                  productCurrency={chosen.currency}
                  back={back}
                >
                  {v.fixedAmounts ? (
                    <div className="text-sm">
                      <label htmlFor={`t${v.id}-amount`} className="mb-1 block text-xs">
                        Amount ({chosen.currency})
                      </label>
                      <select id={`t${v.id}-amount`} name="amount" className={inputClass}>
                        {v.fixedAmounts.map((a) => (
                          <option key={a.minor.toString()} value={major(a.minor, a.currency)}>
                            {major(a.minor, a.currency)}
                          </option>
                        ))}
                      </select>
                    </div>
                  ) : v.min && v.max && isKnownCurrency(chosen.currency) ? (
                    <RangedAmountInput
                      noun="Amount"
                      id={`t${v.id}-amount`}
                      label={`Amount (${chosen.currency})`}
                      currency={chosen.currency}
                      min={v.min.minor.toString()}
                      max={v.max.minor.toString()}
                    />
                  ) : (
                    <div className="text-sm">
                      <label htmlFor={`t${v.id}-amount`} className="mb-1 block text-xs">
                        Amount ({chosen.currency})
                      </label>
                      <input
                        id={`t${v.id}-amount`}
                        name="amount"
                        inputMode="decimal"
                        required
                        className={`${inputClass} w-28`}
                      />
                    </div>
                  )}
                </QuoteLinkForm>
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </>
  );
}
