import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { AppError } from "@/lib/platform/errors";
import { minorToMajorString } from "@/lib/platform/money/convert";
import { isKnownCurrency } from "@/lib/platform/money/currency";
import { ProviderError } from "@/lib/integrations/providers/errors";
import { paymentProviderLabel } from "@/lib/integrations/providers/provider-labels";
import type { PaymentStatus } from "./payment-status";

/** What the provider says about a payment right now, in the ledger's terms (amounts in minor units). */
export interface ProviderSnapshot {
  provider: PaymentProviderName;
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
export const formatAmount = (minor: bigint, currency: string) =>
  isKnownCurrency(currency)
    ? `${minorToMajorString(minor, currency)} ${currency}`
    : `${minor.toString()} ${currency} (minor units)`;

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

/** A failed read as what it means: not there, or no usable answer. `what` names the payment asked about. */
export function lookupErrorOf(error: unknown, provider: string, what: string): PaymentLookupError {
  const label = paymentProviderLabel(provider);
  if (error instanceof ProviderError) {
    if (error.code === "not_found")
      return new PaymentLookupError("not_found", `${label} has no payment ${what}`, { cause: error });
    const how =
      error.outcome === "unknown"
        ? `did not answer (${String(error.code)})`
        : `refused the request (${error.httpStatus ? `HTTP ${error.httpStatus}` : String(error.code)})`;
    return new PaymentLookupError("unavailable", `${label} ${how}`, { cause: error });
  }
  return new PaymentLookupError("unavailable", `${label} could not be asked`, { cause: error });
}

/** A failed provider read as the error a form shows; `field` names the input a "not found" is about. */
export function appErrorOfLookup(error: PaymentLookupError, field?: string): AppError {
  if (error.kind === "not_found") {
    return new AppError("NOT_FOUND", `${error.message}. Nothing was changed.`, {
      fieldErrors: field ? { [field]: [`was not found: ${error.message}`] } : undefined,
      cause: error,
    });
  }
  return new AppError("PROVIDER_ERROR", `${error.message}. Nothing was changed; try again.`, { cause: error });
}
