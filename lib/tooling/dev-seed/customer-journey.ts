import type { ProviderPaymentFacts } from "@/lib/domain/payments/apply-provider-status";
import { fromCheckoutStatus, fromOctoStatus } from "@/lib/domain/payments/payment-status";
import type { PaymentRow } from "@/lib/domain/payments/request/open-payment-request";
import type { PaymentRequestDeps } from "@/lib/domain/payments/request/request-payment";
import { isOctoCurrency } from "@/lib/integrations/providers/octo/amounts";
import type { CustomerDecision } from "./seed-plan";

/** The simulated customer presses a button on the provider's own page (Checkout landing / OCTO pay page). */
export async function customerDecides(payment: PaymentRow, decision: CustomerDecision): Promise<void> {
  if (decision === "abandon" || !payment.landingUrl) return;
  const response = await fetch(`${payment.landingUrl}/${decision}`, { method: "POST", redirect: "manual" });
  if (response.status >= 400)
    throw new Error(`the sandbox refused "${decision}" for ${payment.reference}: HTTP ${response.status}`);
}

/** What the provider now says about the payment, in our model. */
export async function providerFacts(
  deps: Pick<PaymentRequestDeps, "clients">,
  payment: PaymentRow,
): Promise<ProviderPaymentFacts | null> {
  if (!payment.providerPaymentId) return null;
  if (payment.provider === "checkout") {
    const atProvider = await deps.clients.checkout.getPayment(payment.providerPaymentId);
    const status = fromCheckoutStatus(atProvider.status);
    return (
      status && {
        provider: "checkout",
        providerPaymentId: atProvider.id,
        status,
        providerStatus: atProvider.status,
        amountMinor: atProvider.amountMinor,
        currency: atProvider.currency,
      }
    );
  }
  if (!isOctoCurrency(payment.currency)) return null;
  const atProvider = await deps.clients.octo.checkPaymentStatus(payment.reference, payment.currency);
  const status = fromOctoStatus(atProvider.status);
  return (
    status && {
      provider: "octo",
      providerPaymentId: atProvider.octoPaymentUuid,
      status,
      providerStatus: atProvider.status,
    }
  );
}
