import { eq } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import type { Database } from "@/lib/platform/db/types";
import { fromCheckoutStatus } from "./payment-mapper";
import { lookupErrorOf, type ProviderSnapshot } from "@/lib/domain/payments/provider-snapshot";
import type { PaymentProviderClients, PaymentReaders } from "../provider-clients";
import { customerReturnUrlFor } from "@/lib/domain/payments/request/customer-return";
import type { PaymentRow } from "@/lib/domain/payments/request/open-payment-request";
import type { PaymentRequestUrls, ProviderAcceptance } from "@/lib/domain/payments/request/send-payment-request";
import { unservedFlow } from "../unserved-flow";
import type { OctopusPaymentStarted } from "./types";

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

function fromCheckoutStart(started: OctopusPaymentStarted, providerSetupId?: string): ProviderAcceptance {
  return {
    providerPaymentId: started.paymentId,
    providerStatus: started.status,
    status: fromCheckoutStatus(started.status) ?? "pending",
    landingUrl: started.landingUrl,
    octopusUri: started.octopusUri,
    ...(providerSetupId && { providerSetupId }),
  };
}

/**
 * Creates the Checkout.com payment setup once: its id is stored (with a timeline event) before
 * the confirm call, so a resumed request confirms the same setup instead of making another.
 */
async function ensurePaymentSetup(
  db: Database,
  clients: PaymentProviderClients,
  payment: PaymentRow,
  urls: PaymentRequestUrls,
): Promise<string> {
  if (payment.providerSetupId) return payment.providerSetupId;
  const setup = await clients.checkout.createPaymentSetup({
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    reference: payment.reference,
    ...(payment.description && { description: payment.description }),
    ...(payment.customerEmail && {
      customer: { email: payment.customerEmail, ...(payment.customerName && { name: payment.customerName }) },
    }),
    successUrl: customerReturnUrlFor(urls.customerReturnUrl, "paid"),
    failureUrl: customerReturnUrlFor(urls.customerReturnUrl, "not_paid"),
  });
  await db.transaction(async (tx) => {
    await tx
      .update(payments)
      .set({ providerSetupId: setup.id, updatedAt: new Date() })
      .where(eq(payments.id, payment.id));
    await tx.insert(paymentEvents).values({
      paymentId: payment.id,
      source: "api_call",
      kind: "setup_created",
      detail: { setupId: setup.id, octopusReady: setup.octopusReady },
    });
  });
  return setup.id;
}

/** Octopus through Checkout.com: one POST /payments (checkout_api), or a Payment Setup then its confirm (checkout_setup). */
export async function requestAtCheckout(
  { db, clients, urls }: { db: Database; clients: PaymentProviderClients; urls: PaymentRequestUrls },
  payment: PaymentRow & { idempotencyKey: string },
): Promise<ProviderAcceptance> {
  const key = payment.idempotencyKey;
  switch (payment.flow) {
    case "checkout_api": {
      if (payment.currency !== "HKD") throw new Error(`Octopus payments are in HKD, not ${payment.currency}`);
      const customer = payment.customerEmail
        ? { email: payment.customerEmail, ...(payment.customerName && { name: payment.customerName }) }
        : undefined;
      const started = await clients.checkout.requestOctopusPayment(
        {
          amountMinor: payment.amountMinor,
          currency: "HKD",
          reference: payment.reference,
          successUrl: customerReturnUrlFor(urls.customerReturnUrl, "paid"),
          failureUrl: customerReturnUrlFor(urls.customerReturnUrl, "not_paid"),
          ...(payment.description && { description: payment.description }),
          ...(customer && { customer }),
          // Lets a webhook that overtakes our own answer find this row (see applyProviderStatus).
          metadata: { payment_id: payment.id },
        },
        key,
      );
      return fromCheckoutStart(started);
    }
    case "checkout_setup": {
      const setupId = await ensurePaymentSetup(db, clients, payment, urls);
      return fromCheckoutStart(await clients.checkout.confirmPaymentSetupOctopus(setupId, key), setupId);
    }
    default:
      throw unservedFlow("Checkout.com", payment.flow);
  }
}
