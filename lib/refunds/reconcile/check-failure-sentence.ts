import type { ProviderFailure } from "@/lib/payments/request/record-request-outcome";

const providerNames: Record<string, string> = { checkout: "Checkout.com", octo: "OCTO" };

/**
 * Why a check with the provider failed, as the person who pressed "Sync now" should read it:
 * the provider's name and what it answered (its HTTP status and error codes), or that it did
 * not answer. Never the internal operation name.
 */
export function checkFailureSentence(failure: ProviderFailure): string {
  const { provider, code, httpStatus, providerCodes } = failure.detail;
  const name = providerNames[String(provider)] ?? "The provider";
  if (typeof httpStatus === "number") {
    const codes = Array.isArray(providerCodes) && providerCodes.length ? ` (${providerCodes.join(", ")})` : "";
    return `${name} answered HTTP ${httpStatus}${codes}`;
  }
  if (code === "timeout") return `${name} did not answer in time`;
  if (code === "network") return `${name} could not be reached`;
  if (provider === "octo" && typeof code === "number") return `OCTO answered with error ${code}`;
  if (provider === "octo") return "OCTO could not be reached or sent an answer we could not read";
  return `${name} sent an answer we could not read`;
}
