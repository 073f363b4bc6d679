import type { PaymentStatus } from "./payment-status";

export interface CustomerPaysLinks {
  /** The provider's payment page (Checkout.com processing.landing_url, OCTO pay url); http(s) only. */
  landingUrl: string | null;
  /** Checkout.com processing.octopus_uri: opens the Octopus app on a phone; octopus: scheme only. */
  octopusUri: string | null;
}

function withScheme(value: string | null, schemes: readonly string[]): string | null {
  if (!value) return null;
  try {
    return schemes.includes(new URL(value).protocol) ? value : null;
  } catch {
    return null;
  }
}

/**
 * What the customer still needs in order to pay: only while the payment waits for them
 * (requested or pending) and only links with the scheme each one should have, so a provider
 * value like "javascript:…" is never rendered as a link.
 */
export function customerPaysLinks(payment: {
  status: PaymentStatus;
  landingUrl: string | null;
  octopusUri: string | null;
}): CustomerPaysLinks | null {
  if (payment.status !== "requested" && payment.status !== "pending") return null;
  const links = {
    landingUrl: withScheme(payment.landingUrl, ["https:", "http:"]),
    octopusUri: withScheme(payment.octopusUri, ["octopus:"]),
  };
  return links.landingUrl || links.octopusUri ? links : null;
}
