import { eq } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { log } from "@/lib/platform/log/logger";
import { recordingProviderExchanges } from "@/lib/integrations/providers/exchange-recording";
import type { ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import { openPaymentRequest, type PaymentRow } from "./open-payment-request";
import { describeProviderFailure } from "@/lib/integrations/providers/provider-failure";
import { recordAcceptance, recordRejection, recordUnknownOutcome } from "./record-request-outcome";
import type { RequestPaymentInput } from "./request-payment-input";
import type { PaymentProviderClients } from "@/lib/integrations/providers/provider-clients";
import { sendPaymentRequest, type PaymentRequestUrls } from "./send-payment-request";

export interface PaymentRequestDeps {
  db: Database;
  clients: PaymentProviderClients;
  urls: PaymentRequestUrls;
}

export type PaymentRequestOutcome =
  | { kind: "accepted"; paymentId: string }
  /** The same form was submitted again: nothing new was sent, the first request is shown. */
  | { kind: "replay"; paymentId: string }
  | { kind: "rejected"; paymentId: string; message: string }
  | { kind: "unknown"; paymentId: string; message: string };

/** Sends an opened request and records the answer with the provider calls it took (redacted bodies) on the outcome event. */
export async function sendOpenedPaymentRequest(
  deps: PaymentRequestDeps,
  payment: PaymentRow,
  now?: Date,
): Promise<PaymentRequestOutcome> {
  const apiCalls: ProviderExchange[] = [];
  try {
    const accepted = await recordingProviderExchanges(apiCalls, () =>
      sendPaymentRequest(deps.db, deps.clients, payment, deps.urls),
    );
    await recordAcceptance(deps.db, payment.id, accepted, now, apiCalls);
    return { kind: "accepted", paymentId: payment.id };
  } catch (error) {
    const failure = describeProviderFailure(error);
    if (failure.outcome === "rejected") {
      await recordRejection(deps.db, payment.id, failure, now, apiCalls);
      return { kind: "rejected", paymentId: payment.id, message: failure.message };
    }
    log.warn(
      { paymentId: payment.id, idempotencyKey: payment.idempotencyKey, err: error },
      "payment request outcome unknown",
    );
    await recordUnknownOutcome(deps.db, payment.id, failure, now, apiCalls);
    return { kind: "unknown", paymentId: payment.id, message: failure.message };
  }
}

/**
 * Request a payment from a customer: our row and key first, then the provider, then its answer.
 * `now` dates our records (the sandbox seed back-dates its history); it defaults to real time.
 */
export async function requestPayment(
  deps: PaymentRequestDeps,
  actor: AuditActor,
  input: RequestPaymentInput,
  now?: Date,
): Promise<PaymentRequestOutcome> {
  const opened = await openPaymentRequest(deps.db, actor, input, now);
  if (opened.kind === "replay") return { kind: "replay", paymentId: opened.payment.id };
  return sendOpenedPaymentRequest(deps, opened.payment, now);
}

/**
 * Sends a request whose first attempt got no answer again, with the SAME key, so the provider
 * returns the payment it may already have made instead of making a second one.
 */
export async function resumePaymentRequest(
  deps: PaymentRequestDeps,
  actor: AuditActor,
  paymentId: string,
): Promise<PaymentRequestOutcome> {
  const [payment] = await deps.db.select().from(payments).where(eq(payments.id, paymentId)).limit(1);
  if (!payment) throw new AppError("NOT_FOUND", "No such payment.");
  if (payment.status !== "requested" || payment.flow === "external") {
    throw new AppError(
      "CONFLICT",
      `This payment is ${payment.status}; only a request still waiting for the provider's answer can be resumed.`,
    );
  }
  await deps.db.transaction(async (tx) => {
    await tx.insert(paymentEvents).values({
      paymentId,
      source: "staff",
      kind: "request_resumed",
      actorUserId: actor.userId,
      detail: { idempotencyKey: payment.idempotencyKey },
    });
    await recordAudit(tx, actor, { action: "payment.request_resumed", targetType: "payment", targetId: paymentId });
  });
  return sendOpenedPaymentRequest(deps, payment);
}
