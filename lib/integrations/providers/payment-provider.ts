import type { SQL } from "drizzle-orm";
import type { PaymentProviderName } from "@/drizzle/schema/payments";
import type { Database } from "@/lib/platform/db/types";
import type { PaymentStatus } from "@/lib/domain/payments/payment-status";
import type { ProviderSnapshot } from "@/lib/domain/payments/provider-snapshot";
import type { PaymentProviderClients, PaymentReaders } from "./provider-clients";
import type { PaymentRow } from "@/lib/domain/payments/request/open-payment-request";
import type { PaymentRequestUrls, ProviderAcceptance } from "@/lib/domain/payments/request/send-payment-request";
import type { RefundVerdict } from "@/lib/domain/refunds/reconcile/refund-verdict";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import type { RefundDeps } from "@/lib/domain/refunds/send-refund";
import type { RefundFacts, RefundRow } from "@/lib/domain/refunds/transition-refund";
import type { PaymentProviderProfile } from "./provider-profile";

/** What a provider said to our refund call, in the refund state machine's terms. */
export interface RefundAnswer {
  to: RefundStatus;
  facts: RefundFacts;
  /** Kept on the refund event. */
  detail: Record<string, unknown>;
}

export interface ProviderWebhookContext {
  db: Database;
  /** The provider's webhook secret (signing or notify key). */
  secret: string;
  /** A webhook may make us ask the provider about the payment's refunds in flight. */
  refunds: RefundDeps;
  now?: Date;
}

/**
 * Everything the product asks of a payment provider. Domain services look an adapter up by the
 * stored provider name (registry.ts) and never branch on the name. Every method that calls the
 * provider runs outside any database transaction and throws the provider's ProviderError
 * (lib/integrations/providers/errors.ts) when the call fails; the callers classify it by its outcome.
 */
export interface PaymentProvider<Name extends string = PaymentProviderName> extends PaymentProviderProfile<Name> {
  /**
   * The provider knows our payment by our reference alone (OCTO's shop_transaction_id): a reference
   * is never reused for it, and a callback naming one finds our waiting payment by it.
   */
  referenceIdentifiesPayment: boolean;
  /** Sends an opened payment request with its stored key, so resending can never make a second payment. */
  requestPayment(
    request: { db: Database; clients: PaymentProviderClients; urls: PaymentRequestUrls },
    payment: PaymentRow & { idempotencyKey: string },
  ): Promise<ProviderAcceptance>;
  /** Finds a payment staff name by id for import; `currency` is what staff gave when import.currencies is set. */
  findPayment(readers: PaymentReaders, lookup: { id: string; currency?: string }): Promise<ProviderSnapshot>;
  /** Re-reads a payment of the ledger (it has a provider id) for sync. */
  readPayment(readers: PaymentReaders, payment: PaymentRow & { providerPaymentId: string }): Promise<ProviderSnapshot>;
  /** Which of this provider's ledger payments an id staff typed may name (payments.provider is matched too). */
  ledgerPaymentsNamed(id: string): SQL | undefined;
  /** The provider's word for a payment's status in the ledger's terms; null when the ledger does not know it. */
  paymentStatusOf(providerStatus: string): PaymentStatus | null;
  /** Asks for a refund with the refund's stored idempotency key. */
  refund(deps: RefundDeps, refund: RefundRow, providerPaymentId: string): Promise<RefundAnswer>;
  /** One look at a refund in flight for the reconciler; provider failures are part of the verdict, never thrown. */
  readRefund(
    deps: RefundDeps,
    refund: RefundRow,
    payment: PaymentRow,
    providerPaymentId: string,
  ): Promise<RefundVerdict>;
  webhook: {
    /** One delivery, request → response: verified on the raw body first, parsed, applied, its receipt recorded. */
    respond(request: Request, context: ProviderWebhookContext): Promise<Response>;
  };
}
