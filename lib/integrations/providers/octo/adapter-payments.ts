import { and, eq, isNotNull, or } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { AppError } from "@/lib/platform/errors";
import { fromOctoStatus } from "./payment-mapper";
import { lookupErrorOf, PaymentLookupError, type ProviderSnapshot } from "@/lib/domain/payments/provider-snapshot";
import type { PaymentRow } from "@/lib/domain/payments/request/open-payment-request";
import type { PaymentReaders } from "../provider-clients";
import type { PaymentRequestUrls, ProviderAcceptance } from "@/lib/domain/payments/request/send-payment-request";
import { unservedFlow } from "../unserved-flow";
import type { OctoClient } from "./client";
import { isOctoCurrency, type OctoCurrency } from "./currencies";
import { OctoError, octoErrorCodes } from "./errors";

const octoTtlMinutes = 15;

function octoLookupError(error: unknown, what: string): PaymentLookupError {
  if (!(error instanceof OctoError)) return lookupErrorOf(error, "octo", what);
  // The status check of a shop_transaction_id OCTO never saw fails as a (creation) request it cannot accept.
  if (error.outcome === "rejected" && error.code !== octoErrorCodes.WRONG_SECRET) {
    return new PaymentLookupError("not_found", `OCTO has no payment ${what} (OCTO error ${error.code})`, {
      cause: error,
    });
  }
  const how = error.outcome === "unknown" ? "did not answer" : `refused the request (OCTO error ${error.code})`;
  return new PaymentLookupError("unavailable", `OCTO ${how}`, { cause: error });
}

/** OCTO's documented status check (by shop_transaction_id); the currency is ours, OCTO does not send one. */
export async function readOctoPayment(
  readers: PaymentReaders,
  shopTransactionId: string,
  currency: OctoCurrency,
): Promise<ProviderSnapshot> {
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
    throw octoLookupError(error, `with shop_transaction_id "${shopTransactionId}"`);
  }
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Import: by shop_transaction_id, with the currency staff give (OCTO's answers carry none). */
export async function findOctoPayment(
  readers: PaymentReaders,
  lookup: { id: string; currency?: string },
): Promise<ProviderSnapshot> {
  if (!lookup.currency || !isOctoCurrency(lookup.currency)) {
    throw new AppError(
      "VALIDATION_FAILED",
      "Check the form: Currency is required for an OCTO payment that is not in the ledger yet.",
      {
        fieldErrors: {
          currency: ["is required for an OCTO payment not in the ledger yet: OCTO's answers carry no currency"],
        },
      },
    );
  }
  try {
    return await readOctoPayment(readers, lookup.id, lookup.currency);
  } catch (error) {
    if (error instanceof PaymentLookupError && error.kind === "not_found" && uuidPattern.test(lookup.id)) {
      const hint =
        "OCTO looks payments up by shop_transaction_id only; a payment UUID works only for payments already in the ledger";
      throw new AppError("NOT_FOUND", `${error.message}. ${hint}. Nothing was changed.`, {
        fieldErrors: { paymentId: [`was not found: ${hint}`] },
        cause: error,
      });
    }
    throw error;
  }
}

/** Sync: by our reference (the shop_transaction_id), which must still name the payment we hold. */
export async function rereadOctoPayment(
  readers: PaymentReaders,
  row: PaymentRow & { providerPaymentId: string },
): Promise<ProviderSnapshot> {
  if (!isOctoCurrency(row.currency))
    throw new AppError("CONFLICT", `This OCTO payment's currency ${row.currency} is not one OCTO accepts.`);
  const snapshot = await readOctoPayment(readers, row.reference, row.currency);
  if (snapshot.providerPaymentId !== row.providerPaymentId) {
    throw new PaymentLookupError(
      "not_found",
      `OCTO's shop_transaction_id "${row.reference}" belongs to payment ${snapshot.providerPaymentId}, not ${row.providerPaymentId}`,
    );
  }
  return snapshot;
}

/** The id staff type may be the payment UUID (provider_payment_id) or the shop_transaction_id (our reference). */
export const octoPaymentsNamed = (id: string) =>
  or(eq(payments.providerPaymentId, id), and(eq(payments.reference, id), isNotNull(payments.providerPaymentId)));

/** prepare_payment with our reference as shop_transaction_id, which fixes the payment at its first call. */
export async function requestAtOcto(
  { clients, urls }: { clients: { octo: OctoClient }; urls: PaymentRequestUrls },
  payment: PaymentRow,
): Promise<ProviderAcceptance> {
  if (payment.flow !== "octo") throw unservedFlow("OCTO", payment.flow);
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
