import type { DbOrTx } from "@/lib/platform/db/types";
import { conversionFeeBp, convertMinor, forexRate, percentOf, toMajor, toMinor } from "./money";
import type { WalletRecord } from "./store";
import { chooseWallet } from "./wallets";

/** One price computation shared by charges and order creation, in minor units. */
export interface Quote {
  sourceCurrency: string;
  destinationCurrency: string;
  nonDiscountedMinor: number;
  discountMinor: number;
  discountPercent: number;
  totalMinor: number;
  netMinor: number;
  conversionFeeMinor: number | null;
  forexRate: number | null;
  /** What the wallet is debited, in the destination (wallet) currency. */
  payableMinor: number;
}

export function computeQuote(input: {
  unitMinor: number;
  quantity: number;
  discountPercent: number;
  sourceCurrency: string;
  walletCurrency: string;
}): Quote {
  const nonDiscountedMinor = input.unitMinor * input.quantity;
  const discountMinor = percentOf(nonDiscountedMinor, Math.round(input.discountPercent * 100));
  const totalMinor = nonDiscountedMinor - discountMinor;
  const crossCurrency = input.sourceCurrency !== input.walletCurrency;
  const netMinor = convertMinor(totalMinor, input.sourceCurrency, input.walletCurrency);
  const conversionFeeMinor = crossCurrency ? percentOf(netMinor, conversionFeeBp) : null;
  return {
    sourceCurrency: input.sourceCurrency,
    destinationCurrency: input.walletCurrency,
    nonDiscountedMinor,
    discountMinor,
    discountPercent: input.discountPercent,
    totalMinor,
    netMinor,
    conversionFeeMinor,
    forexRate: crossCurrency ? forexRate(input.sourceCurrency, input.walletCurrency) : null,
    payableMinor: netMinor + (conversionFeeMinor ?? 0),
  };
}

/** Picks the wallet to charge (wallet_id, else the product currency's) and prices the order for it. */
export async function quoteForWallet(
  db: DbOrTx,
  input: {
    walletId: number | undefined;
    productCurrency: string;
    unitAmount: number;
    quantity: number;
    discountPercent: number;
  },
): Promise<{ wallet: WalletRecord; quote: Quote }> {
  const wallet = await chooseWallet(db, input.walletId, input.productCurrency);
  const quote = computeQuote({
    unitMinor: toMinor(input.unitAmount, input.productCurrency),
    quantity: input.quantity,
    discountPercent: input.discountPercent,
    sourceCurrency: input.productCurrency,
    walletCurrency: wallet.currency_code,
  });
  return { wallet, quote };
}

/** The documented charges body (providers.md §3.7); topup/eSIM quotes omit max_quantity. */
export function quoteWire(quote: Quote, maxQuantity?: number) {
  const src = (minor: number) => toMajor(minor, quote.sourceCurrency);
  const dst = (minor: number) => toMajor(minor, quote.destinationCurrency);
  return {
    non_discounted_total: src(quote.nonDiscountedMinor),
    discount_amount: src(quote.discountMinor),
    total_amount: src(quote.totalMinor),
    discount: quote.discountPercent,
    gst_amount: 0,
    total_payable: dst(quote.payableMinor),
    ...(maxQuantity === undefined ? {} : { max_quantity: maxQuantity }),
    net_amount: dst(quote.netMinor),
    handling_fee_amount: 0,
    charges_details: {
      source_currency: quote.sourceCurrency,
      destination_currency: quote.destinationCurrency,
      forex_rate: quote.forexRate,
      conversion_fee: quote.conversionFeeMinor === null ? null : dst(quote.conversionFeeMinor),
    },
  };
}
