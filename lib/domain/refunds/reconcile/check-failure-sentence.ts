import type { ProviderFailure } from "@/lib/integrations/providers/provider-failure";
import type { PaymentProviderProfile } from "@/lib/integrations/providers/provider-profile";
import { paymentProviderProfileFor, UnknownPaymentProviderError } from "@/lib/integrations/providers/provider-profiles";

function profileOf(provider: unknown): PaymentProviderProfile<string> | null {
  try {
    return paymentProviderProfileFor(String(provider));
  } catch (error) {
    if (error instanceof UnknownPaymentProviderError) return null;
    throw error;
  }
}

/**
 * Why a check with the provider failed, as the person who pressed "Sync now" should read it:
 * the provider's name and what it answered (its HTTP status and error codes), or that it did
 * not answer. Never the internal operation name.
 */
export function checkFailureSentence(failure: ProviderFailure): string {
  const { provider, code, httpStatus, providerCodes } = failure.detail;
  const profile = profileOf(provider);
  const name = profile?.label ?? "The provider";
  if (typeof httpStatus === "number") {
    const codes = Array.isArray(providerCodes) && providerCodes.length ? ` (${providerCodes.join(", ")})` : "";
    return `${name} answered HTTP ${httpStatus}${codes}`;
  }
  if (code === "timeout") return `${name} did not answer in time`;
  if (code === "network") return `${name} could not be reached`;
  if (profile?.failureWithoutHttpStatus) return profile.failureWithoutHttpStatus(code);
  return `${name} sent an answer we could not read`;
}
