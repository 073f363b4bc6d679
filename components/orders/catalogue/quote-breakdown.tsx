import Link from "next/link";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { fxRateText } from "@/lib/domain/orders/quote-breakdown";
import type { ResolvedSelection } from "@/lib/domain/orders/selection";
import type { WalletStanding } from "@/lib/domain/orders/wallet/wallet-standing";
import type { Money, Quote, Wallet } from "@/lib/integrations/providers/octopus-cards/types";
import { moneyText } from "../money-text";
import { verticalLabels } from "../order-labels";
import { WalletStandingText } from "./wallet-standing";

function Row({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div className="flex justify-between gap-4 py-1.5" data-testid={testId}>
      <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </div>
  );
}

const text = (m: Money) => moneyText(m.minor, m.currency);
const some = (m: Money | null): m is Money => m !== null && m.minor > 0n;

/**
 * The quote as the provider prices it (providers.md §3.7): list price and discount in the
 * product's currency, then fees, the exchange rate with its direction and the conversion fee,
 * and the total the wallet pays in the wallet's currency. The balance, the shortfall and the
 * low-balance state only reach users with wallet:read (standing is null otherwise).
 */
export function QuoteBreakdown({
  resolved,
  quote,
  wallet,
  standing,
  shortfall,
  clientReference,
}: {
  resolved: ResolvedSelection;
  quote: Quote;
  wallet: Wallet;
  standing: WalletStanding | null;
  shortfall: Money | null;
  clientReference: string;
}) {
  const { selection } = resolved;
  const fx = fxRateText(quote);
  return (
    <Card title="Quote">
      <dl className="divide-y divide-zinc-200 text-sm dark:divide-zinc-800">
        <Row label="Product">
          {verticalLabels[selection.vertical]}: {resolved.productName}
        </Row>
        <Row label="Face value">
          {text(selection.faceValue)}
          {selection.quantity > 1 ? ` × ${selection.quantity}` : ""}
        </Row>
        <Row label="List price" testId="quote-list-price">
          {text(quote.nonDiscountedTotal)}
        </Row>
        {some(quote.discountAmount) ? (
          <Row label={`Discount (${quote.discountPercent}%)`} testId="quote-discount">
            −{text(quote.discountAmount)}
          </Row>
        ) : null}
        {some(quote.discountAmount) ? <Row label="Price after discount">{text(quote.totalAmount)}</Row> : null}
        {some(quote.handlingFee) ? <Row label="Handling fee">{text(quote.handlingFee)}</Row> : null}
        {some(quote.gstAmount) ? <Row label="GST">{text(quote.gstAmount)}</Row> : null}
        {fx ? (
          <Row label="Exchange rate" testId="quote-fx-rate">
            {fx}
          </Row>
        ) : null}
        {fx ? <Row label={`Price in ${quote.netAmount.currency}`}>{text(quote.netAmount)}</Row> : null}
        {some(quote.conversionFee) ? (
          <Row label="Currency conversion fee" testId="quote-conversion-fee">
            {text(quote.conversionFee)}
          </Row>
        ) : null}
        <Row label="Charged to">
          {wallet.balance.currency} wallet #{wallet.id}
        </Row>
        {standing ? (
          <Row label="Wallet balance" testId="quote-wallet-balance">
            <WalletStandingText standing={standing} />
          </Row>
        ) : null}
        <Row label={`Total payable (${quote.totalPayable.currency})`} testId="total-payable">
          <strong>{text(quote.totalPayable)}</strong>
        </Row>
        {shortfall ? (
          <Row label="Shortfall" testId="quote-shortfall">
            <strong className="text-red-700 dark:text-red-400">{text(shortfall)}</strong>
          </Row>
        ) : null}
        <Row label="client_reference">
          <code className="text-xs" data-testid="quote-client-reference">
            {clientReference}
          </code>
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
  );
}
