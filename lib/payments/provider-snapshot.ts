import type { paymentProviders } from "@/drizzle/schema/payments";
import { AppError } from "@/lib/errors";
import { minorToMajorString } from "@/lib/money/convert";
import { isKnownCurrency } from "@/lib/money/currency";
import type { CheckoutClient } from "@/lib/providers/checkout/client";
import { ProviderError } from "@/lib/providers/checkout/errors";
import type { OctoCurrency } from "@/lib/providers/octo/amounts";
import type { OctoClient } from "@/lib/providers/octo/client";
import { OctoError, octoErrorCodes } from "@/lib/providers/octo/errors";
import { fromCheckoutStatus, fromOctoStatus, type PaymentStatus } from "./payment-status";

export type PaymentProvider = (typeof paymentProviders)[number];

/** The read-only provider calls import and sync need; the app passes checkoutClient()/octoClient(). */
export interface PaymentReaders {
  checkout: Pick<CheckoutClient, "getPayment">;
  octo: Pick<OctoClient, "checkPaymentStatus">;
}

export const providerLabels: Record<PaymentProvider, string> = { checkout: "Checkout.com", octo: "OCTO" };

/** What the provider says about a payment right now, in the ledger's terms (amounts in minor units). */
export interface ProviderSnapshot {
  provider: PaymentProvider;
  providerPaymentId: string;
  /** The provider's own word (Checkout.com "Captured", OCTO "succeeded"). */
  providerStatus: string;
  /** Null when the provider's word is one the ledger does not know. */
  status: PaymentStatus | null;
  /** Null when the answer carries no amount (OCTO's documented status check may not). */
  amountMinor: bigint | null;
  /** Null when the provider does not say. */
  capturedMinor: bigint | null;
  currency: string;
  reference: string | null;
}

/** "10.50 HKD"; a currency outside ISO 4217 shows its minor units as received: "1050 ZZZ (minor units)". */
export const formatAmount = (minor: bigint, currency: string) => (isKnownCurrency(currency) ? `${minorToMajorString(minor, currency)} ${currency}` : `${minor.toString()} ${currency} (minor units)`);

/** Why a provider read failed: not there, or no usable answer (nothing was changed either way). */
export class PaymentLookupError extends Error {
  override name = "PaymentLookupError";
  constructor(
    readonly kind: "not_found" | "unavailable",
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function lookupErrorOf(error: unknown, provider: PaymentProvider, what: string): PaymentLookupError {
  const label = providerLabels[provider];
  if (error instanceof ProviderError) {
    if (error.code === "not_found") return new PaymentLookupError("not_found", `${label} has no payment ${what}`, { cause: error });
    const how = error.outcome === "unknown" ? `did not answer (${error.code})` : `refused the request (${error.httpStatus ? `HTTP ${error.httpStatus}` : error.code})`;
    return new PaymentLookupError("unavailable", `${label} ${how}`, { cause: error });
  }
  if (error instanceof OctoError) {
    // The status check of a shop_transaction_id OCTO never saw fails as a (creation) request it cannot accept.
    if (error.outcome === "rejected" && error.code !== octoErrorCodes.WRONG_SECRET) {
      return new PaymentLookupError("not_found", `${label} has no payment ${what} (OCTO error ${error.code})`, { cause: error });
    }
    const how = error.outcome === "unknown" ? "did not answer" : `refused the request (OCTO error ${error.code})`;
    return new PaymentLookupError("unavailable", `${label} ${how}`, { cause: error });
  }
  return new PaymentLookupError("unavailable", `${label} could not be asked`, { cause: error });
}

export async function readCheckoutPayment(readers: PaymentReaders, paymentId: string): Promise<ProviderSnapshot> {
  try {
    const payment = await readers.checkout.getPayment(paymentId);
    return {
      provider: "checkout",
      providerPaymentId: payment.id,
      providerStatus: payment.status,
      status: fromCheckoutStatus(payment.status),
      amountMinor: payment.amountMinor,
      capturedMinor: payment.balances?.totalCaptured ?? null,
      currency: payment.currency,
      reference: payment.reference,
    };
  } catch (error) {
    throw lookupErrorOf(error, "checkout", paymentId);
  }
}

/** OCTO's documented status check (by shop_transaction_id); the currency is ours, OCTO does not send one. */
export async function readOctoPayment(readers: PaymentReaders, shopTransactionId: string, currency: OctoCurrency): Promise<ProviderSnapshot> {
  try {
    const payment = await readers.octo.checkPaymentStatus(shopTransactionId, currency);
    const status = fromOctoStatus(payment.status);
    return {
      provider: "octo",
      providerPaymentId: payment.octoPaymentUuid,
      providerStatus: payment.status,
      status,
      amountMinor: payment.totalMinor,
      // OCTO's total_sum is what was charged once the payment succeeded (the captured part of a hold).
      capturedMinor: status === "captured" ? payment.totalMinor : status === null ? null : 0n,
      currency,
      reference: payment.shopTransactionId,
    };
  } catch (error) {
    throw lookupErrorOf(error, "octo", `with shop_transaction_id "${shopTransactionId}"`);
  }
}

/** A failed provider read as the error a form shows; `field` names the input a "not found" is about. */
export function appErrorOfLookup(error: PaymentLookupError, field?: string): AppError {
  if (error.kind === "not_found") {
    return new AppError("NOT_FOUND", `${error.message}. Nothing was changed.`, { fieldErrors: field ? { [field]: [`was not found: ${error.message}`] } : undefined, cause: error });
  }
  return new AppError("PROVIDER_ERROR", `${error.message}. Nothing was changed; try again.`, { cause: error });
}
