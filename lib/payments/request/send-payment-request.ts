import { customerReturnUrlFor } from "./customer-return";
import { eq } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import type { Database } from "@/lib/db/types";
import type { CheckoutClient } from "@/lib/providers/checkout/client";
import type { OctopusPaymentStarted } from "@/lib/providers/checkout/types";
import { isOctoCurrency } from "@/lib/providers/octo/amounts";
import type { OctoClient } from "@/lib/providers/octo/client";
import { fromCheckoutStatus, fromOctoStatus, type PaymentStatus } from "../payment-status";
import type { PaymentRow } from "./open-payment-request";

export interface PaymentProviderClients {
  checkout: CheckoutClient;
  octo: OctoClient;
}

/** Where providers send the customer back and deliver callbacks. */
export interface PaymentRequestUrls {
  /** Customer-facing page after paying (Checkout success/failure, OCTO return_url). */
  customerReturnUrl: string;
  octoNotifyUrl: string;
  /** OCTO's `test` flag: true against its sandbox. */
  octoTest: boolean;
}

export interface ProviderAcceptance {
  providerPaymentId: string;
  providerStatus: string;
  status: PaymentStatus;
  landingUrl: string | null;
  octopusUri: string | null;
  providerSetupId?: string;
}

const octoTtlMinutes = 15;

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
async function ensurePaymentSetup(db: Database, clients: PaymentProviderClients, payment: PaymentRow, urls: PaymentRequestUrls): Promise<string> {
  if (payment.providerSetupId) return payment.providerSetupId;
  const setup = await clients.checkout.createPaymentSetup({
    amountMinor: payment.amountMinor,
    currency: payment.currency,
    reference: payment.reference,
    ...(payment.description && { description: payment.description }),
    ...(payment.customerEmail && { customer: { email: payment.customerEmail, ...(payment.customerName && { name: payment.customerName }) } }),
    successUrl: customerReturnUrlFor(urls.customerReturnUrl, "paid"),
    failureUrl: customerReturnUrlFor(urls.customerReturnUrl, "not_paid"),
  });
  await db.transaction(async (tx) => {
    await tx.update(payments).set({ providerSetupId: setup.id, updatedAt: new Date() }).where(eq(payments.id, payment.id));
    await tx.insert(paymentEvents).values({ paymentId: payment.id, source: "api_call", kind: "setup_created", detail: { setupId: setup.id, octopusReady: setup.octopusReady } });
  });
  return setup.id;
}

/**
 * Step two: the provider call, always with the key stored in step one (Checkout's
 * Cko-Idempotency-Key; OCTO's shop_transaction_id, which fixes the payment at its first call),
 * so resuming an unanswered request can never make a second payment. Throws the client's error.
 */
export async function sendPaymentRequest(db: Database, clients: PaymentProviderClients, payment: PaymentRow, urls: PaymentRequestUrls): Promise<ProviderAcceptance> {
  const key = payment.idempotencyKey;
  if (!key) throw new Error(`payment ${payment.id} has no idempotency key`);
  const customer = payment.customerEmail ? { email: payment.customerEmail, ...(payment.customerName && { name: payment.customerName }) } : undefined;

  switch (payment.flow) {
    case "checkout_api": {
      if (payment.currency !== "HKD") throw new Error(`Octopus payments are in HKD, not ${payment.currency}`);
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
    case "octo": {
      if (!isOctoCurrency(payment.currency)) throw new Error(`OCTO does not accept ${payment.currency}`);
      const prepared = await clients.octo.preparePayment({
        shopTransactionId: payment.reference,
        autoCapture: true,
        test: urls.octoTest,
        totalMinor: payment.amountMinor,
        currency: payment.currency,
        description: payment.description ?? payment.reference,
        ...(payment.customerEmail && { userData: { email: payment.customerEmail } }),
        returnUrl: urls.customerReturnUrl,
        notifyUrl: urls.octoNotifyUrl,
        ttlMinutes: octoTtlMinutes,
        initTime: payment.createdAt,
      });
      if (prepared.totalMinor !== null && prepared.totalMinor !== payment.amountMinor) {
        throw new Error(`OCTO holds ${prepared.shopTransactionId} for ${prepared.totalMinor}, not ${payment.amountMinor}`);
      }
      return {
        providerPaymentId: prepared.octoPaymentUuid,
        providerStatus: prepared.status,
        status: fromOctoStatus(prepared.status) ?? "pending",
        landingUrl: prepared.payUrl,
        octopusUri: null,
      };
    }
    case "external":
      throw new Error("an external payment was not requested by us");
  }
}
