import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmOrderForm } from "@/components/orders/confirm-order-form";
import { moneyText } from "@/components/orders/money-text";
import { verticalLabels } from "@/components/orders/order-labels";
import { Card } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePagePermission } from "@/lib/auth/current-user";
import { isSandbox } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { minorToMajorString } from "@/lib/money/convert";
import { quoteOrder } from "@/lib/orders/quote-order";
import { resolveSelection } from "@/lib/orders/selection";
import { octopusCardsClient } from "@/lib/providers/clients";
import type { Money } from "@/lib/providers/octopus-cards/types";
import { firstValues, withParams } from "@/lib/url/search-params";

export const metadata: Metadata = { title: "Quote" };

const major = (m: Money) => minorToMajorString(m.minor, m.currency);

function Row({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 py-1.5" data-testid={testId}>
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </div>
  );
}

/**
 * The quote step: the provider's price for the selection in the wallet's currency, with any FX,
 * and the wallet it is charged to. The client_reference is minted here, once per quote shown.
 */
export default async function QuotePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requirePagePermission("orders:create");
  const raw = await searchParams;
  const params = firstValues(raw);
  const client = octopusCardsClient();
  const back = withParams("/orders/new", { vertical: params.vertical });
  let ready: Awaited<ReturnType<typeof prepare>> | null = null;
  let refusal: string | null = null;
  try {
    ready = await prepare(client, raw);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    refusal = error.userMessage;
  }
  const content = ready ? (
    <QuoteView {...ready} requoteHref={withParams("/orders/new/quote", params)} />
  ) : (
    <Card>
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {refusal}
      </p>
      <Link href={back} className="mt-2 inline-block text-sm underline">
        Back to the catalogue
      </Link>
    </Card>
  );
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
    </>
  );
}

/** Product, quote, wallet and a fresh client_reference; AppError when the selection cannot be quoted. */
async function prepare(client: ReturnType<typeof octopusCardsClient>, raw: Record<string, string | string[] | undefined>) {
  const resolved = await resolveSelection(client, raw);
  const { selection } = resolved;
  const [quote, wallet] = await Promise.all([quoteOrder(client, selection), client.getWallet(selection.walletId).catch(() => null)]);
  if (!wallet) throw new AppError("NOT_FOUND", `Wallet ${selection.walletId} is not one of this account's wallets.`);
  return { resolved, quote, wallet, clientReference: `ORD-${randomUUID()}` };
}

function QuoteView({ resolved, quote, wallet, clientReference, requoteHref }: Awaited<ReturnType<typeof prepare>> & { requoteHref: string }) {
  const { selection } = resolved;
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
    clientReference,
    ...(resolved.retryOf && { retryOf: resolved.retryOf }),
  };
  return (
    <>
      <Card title="Quote">
        <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
          <Row label="Product">
            {verticalLabels[selection.vertical]}: {resolved.productName}
          </Row>
          <Row label="Face value">
            {moneyText(selection.faceValue.minor, selection.faceValue.currency)}
            {selection.quantity > 1 ? ` × ${selection.quantity}` : ""}
          </Row>
          <Row label="Price">{moneyText(quote.totalAmount.minor, quote.totalAmount.currency)}</Row>
          {quote.discountAmount.minor > 0n ? <Row label={`Discount (${quote.discountPercent}%)`}>−{moneyText(quote.discountAmount.minor, quote.discountAmount.currency)}</Row> : null}
          {quote.handlingFee.minor > 0n ? <Row label="Handling fee">{moneyText(quote.handlingFee.minor, quote.handlingFee.currency)}</Row> : null}
          {quote.gstAmount.minor > 0n ? <Row label="GST">{moneyText(quote.gstAmount.minor, quote.gstAmount.currency)}</Row> : null}
          {quote.forexRate !== null ? <Row label="FX rate (forexRate)">{quote.forexRate}</Row> : null}
          {quote.conversionFee ? <Row label="Conversion fee">{moneyText(quote.conversionFee.minor, quote.conversionFee.currency)}</Row> : null}
          <Row label="Charged to">
            Wallet #{wallet.id} ({wallet.balance.currency}), balance {moneyText(wallet.balance.minor, wallet.balance.currency)}
          </Row>
          <Row label="Total payable" testId="total-payable">
            <strong>{moneyText(quote.totalPayable.minor, quote.totalPayable.currency)}</strong>
          </Row>
          <Row label="client_reference">
            <code className="text-xs">{clientReference}</code>
          </Row>
          {resolved.retryOf ? (
            <Row label="Retries">
              <Link href={`/orders/${resolved.retryOf}`} className="underline">
                the failed order
              </Link>
            </Row>
          ) : null}
        </dl>
      </Card>
      <Card title="Confirm" className="mt-4">
        <ConfirmOrderForm
          hidden={hidden}
          inputFields={resolved.inputFields}
          inputData={resolved.inputData}
          askEmail={selection.vertical === "voucher"}
          {...(resolved.email && { email: resolved.email })}
          sandbox={isSandbox}
          requoteHref={requoteHref}
        />
      </Card>
    </>
  );
}
