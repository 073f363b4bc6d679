import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { ConfirmOrderForm } from "@/components/orders/confirm-order-form";
import { AlreadyConfirmedNotice } from "@/components/orders/catalogue/already-confirmed-notice";
import { AmountChangeForm } from "@/components/orders/catalogue/amount-change-form";
import { QuoteBreakdown } from "@/components/orders/catalogue/quote-breakdown";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/domain/auth/current-user";
import { can } from "@/lib/domain/auth/permissions";
import { getDb } from "@/lib/platform/db/client";
import { isSandbox } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { formatMinor, minorToMajorString } from "@/lib/platform/money/convert";
import { placedOrderMessage } from "@/lib/domain/orders/placed-order-message";
import { quoteOrder } from "@/lib/domain/orders/quote-order";
import { isQuoteReference, mintQuoteReference, orderForQuoteReference } from "@/lib/domain/orders/quote-reference";
import { resolveSelection } from "@/lib/domain/orders/selection";
import { shortfallOf, walletStandings } from "@/lib/domain/orders/wallet/wallet-standing";
import { octopusCardsClient } from "@/lib/integrations/providers/clients";
import type { Money } from "@/lib/integrations/providers/octopus-cards/types";
import { firstValues, withParams } from "@/lib/platform/url/search-params";

export const metadata: Metadata = { title: "Quote" };

const major = (m: Money) => minorToMajorString(m.minor, m.currency);

/** Only a catalogue URL of ours is a Back target; anything else goes to the vertical's catalogue. */
function backTarget(back: string | undefined, vertical: string | undefined): string {
  return back && /^\/orders\/new(\?[^#]*)?$/.test(back) ? back : withParams("/orders/new", { vertical });
}

/**
 * The quote step: the provider's price for the selection in the wallet's currency, with any FX,
 * and the wallet it is charged to. The client_reference is minted once, when the quote is first
 * asked for, and kept in the URL: showing the quote again (Back, reload) offers the same order,
 * and a quote that already became an order says so instead of offering Confirm again.
 */
export default async function QuotePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requirePagePermission("orders:create");
  const raw = await searchParams;
  const params = firstValues(raw);
  if (!isQuoteReference(params.reference))
    redirect(withParams("/orders/new/quote", { ...params, reference: mintQuoteReference() }));
  const reference = params.reference;
  const back = backTarget(params.back, params.vertical);
  const newQuoteHref = withParams("/orders/new/quote", { ...params, reference: undefined });
  const db = getDb();
  const already = await orderForQuoteReference(db, reference);

  let content: React.ReactNode;
  if (already) {
    content = (
      <Card title="Already confirmed">
        <AlreadyConfirmedNotice orderId={already.id} outcome={placedOrderMessage("placed", already)}>
          <Link href={newQuoteHref} className={buttonClass("secondary")}>
            Order the same again (new quote)
          </Link>
        </AlreadyConfirmedNotice>
      </Card>
    );
  } else {
    const client = octopusCardsClient();
    let ready: Awaited<ReturnType<typeof prepare>> | null = null;
    let refusal: string | null = null;
    try {
      ready = await prepare(client, raw);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      refusal = error.userMessage;
    }
    if (ready) {
      const { resolved, quote, wallet } = ready;
      const { selection } = resolved;
      const standing = can(user.role, "wallet:read")
        ? ((await walletStandings(db, [wallet])).get(wallet.id) ?? null)
        : null;
      const shortfall = standing ? shortfallOf(standing.balance, quote.totalPayable) : null;
      const hidden: Record<string, string> = {
        vertical: selection.vertical,
        productId: String(selection.productId),
        productName: resolved.productName,
        ...(selection.variantId && { variantId: String(selection.variantId) }),
        quantity: String(selection.quantity),
        faceValueMajor: major(selection.faceValue),
        faceValueCurrency: selection.faceValue.currency,
        walletId: String(selection.walletId),
        quotedChargeMajor: major(quote.totalPayable),
        quotedChargeCurrency: quote.totalPayable.currency,
        clientReference: reference,
        ...(resolved.retryOf && { retryOf: resolved.retryOf }),
      };
      content = (
        <>
          <QuoteBreakdown
            resolved={resolved}
            quote={quote}
            wallet={wallet}
            standing={standing}
            shortfall={shortfall}
            clientReference={reference}
          />
          <Card title="Confirm" className="mt-4">
            <ConfirmOrderForm
              hidden={hidden}
              inputFields={resolved.inputFields}
              inputData={resolved.inputData}
              {...(resolved.phoneCountry && { phoneCountry: resolved.phoneCountry })}
              askEmail={selection.vertical === "voucher"}
              {...(resolved.email && { email: resolved.email })}
              sandbox={isSandbox}
              requoteHref={withParams("/orders/new/quote", params)}
              {...(shortfall && {
                blockedReason: `The wallet has ${formatMinor(standing?.balance.minor ?? 0n, shortfall.currency)}, ${formatMinor(shortfall.minor, shortfall.currency)} short of the total; add funds to the wallet or choose another wallet, then ask for a new quote.`,
              })}
            />
          </Card>
        </>
      );
    } else {
      content = (
        <Card>
          <p role="alert" className="text-sm text-red-600 dark:text-red-400" data-testid="quote-refusal">
            {refusal} Nothing was ordered.
          </p>
          <Link href={back} className="mt-2 inline-block text-sm underline">
            Back to the catalogue
          </Link>
        </Card>
      );
    }
  }
  const amountEditable = !already && (params.vertical === "voucher" || params.vertical === "topup") && params.productId;
  return (
    <>
      <PageHeader
        title="Review and confirm"
        description="Nothing is ordered or debited until you confirm."
        actions={
          <Link href={back} className="text-sm underline">
            Back to the catalogue
          </Link>
        }
      />
      {content}
      {amountEditable ? <AmountChangeForm params={params} /> : null}
    </>
  );
}

/** Product, quote and wallet; AppError when the selection cannot be quoted. */
async function prepare(
  client: ReturnType<typeof octopusCardsClient>,
  raw: Record<string, string | string[] | undefined>,
) {
  const resolved = await resolveSelection(client, raw);
  const { selection } = resolved;
  const [quote, wallet] = await Promise.all([
    quoteOrder(client, selection),
    client.getWallet(selection.walletId).catch(() => null),
  ]);
  if (!wallet)
    throw new AppError(
      "NOT_FOUND",
      "The wallet in this quote link is not one of this account's wallets; go back and choose another.",
    );
  return { resolved, quote, wallet };
}
