import { and, eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { uniqueViolationOf } from "@/lib/platform/db/errors";
import type { Database } from "@/lib/platform/db/types";
import { applyProviderStatus, type ApplyOutcome } from "@/lib/domain/payments/apply-provider-status";
import { fromOctoStatus, paymentTransition, type PaymentStatus } from "@/lib/domain/payments/payment-status";
import { fromOctoAmount, isOctoCurrency, type OctoCurrency } from "@/lib/integrations/providers/octo/amounts";
import type { OctoClient } from "@/lib/integrations/providers/octo/client";
import { OctoError } from "@/lib/integrations/providers/octo/errors";
import { verifyOctoNotification } from "@/lib/integrations/providers/octo/notify-signature";
import { octoNotificationSchema, type OctoNotification } from "@/lib/integrations/providers/octo/schemas";
import type { OctoPayment } from "@/lib/integrations/providers/octo/types";
import {
  describeRefundRefreshes,
  refreshRefundsInFlight,
} from "@/lib/domain/refunds/reconcile/refresh-refunds-in-flight";
import type { RefundDeps } from "@/lib/domain/refunds/send-refund";
import {
  applyFirstDelivery,
  recordDuplicateReceipt,
  recordReceipt,
  recordRejectedReceipt,
  wasEventSeen,
  type SignatureVerdict,
  type WebhookOutcome,
} from "@/lib/domain/webhooks/receipts";

export interface OctoDelivery {
  rawBody: string;
  /** Headers kept with the receipt (never cookies or authorization). */
  headers: Record<string, string>;
}

export interface OctoNotifyResult {
  httpStatus: number;
  outcome: WebhookOutcome;
  detail?: string;
}

/** Only the status check is needed: the callback is a trigger to ask OCTO, never the fact itself. */
export type OctoStatusChecker = Pick<OctoClient, "checkPaymentStatus">;

export interface OctoNotifyDeps {
  client: OctoStatusChecker;
  /** OCTO sends a callback on every refund status change too: the payment's refunds in flight are asked about at once. */
  refunds: RefundDeps;
}

const provider = "octo";

function signatureVerdict(json: unknown, notifyKey: string): SignatureVerdict {
  const signature = typeof json === "object" && json !== null ? (json as Record<string, unknown>).signature : undefined;
  if (typeof signature !== "string" || signature === "") return "missing";
  return verifyOctoNotification(json, notifyKey) ? "valid" : "invalid";
}

function amountOf(value: OctoNotification["total_sum"], currency: OctoCurrency): bigint | undefined {
  if (value === null || value === undefined) return undefined;
  try {
    return fromOctoAmount(value, currency);
  } catch {
    return undefined;
  }
}

/** What the delivery did to the ledger, told from the callback's point of view. */
function outcomeOf(
  applied: ApplyOutcome,
  callback: OctoNotification,
  octo: OctoPayment,
  octoStatus: PaymentStatus,
  refundsMoved: string | null,
): { outcome: WebhookOutcome; detail?: string } {
  const payment = paymentOutcomeOf(applied, callback, octo, octoStatus);
  return refundsMoved
    ? {
        outcome: payment.outcome === "ignored_out_of_order" ? "applied" : payment.outcome,
        detail: `${payment.detail}; ${refundsMoved}`,
      }
    : payment;
}

function paymentOutcomeOf(
  applied: ApplyOutcome,
  callback: OctoNotification,
  octo: OctoPayment,
  octoStatus: PaymentStatus,
): { outcome: WebhookOutcome; detail: string } {
  const said =
    callback.status === octo.status
      ? `OCTO says ${octo.status}`
      : `callback said ${callback.status}, OCTO says ${octo.status}`;
  switch (applied.kind) {
    case "created":
      return { outcome: "applied", detail: `${said}; payment created as external` };
    case "advanced":
      return { outcome: "applied", detail: `${said}; ${applied.from} → ${octoStatus}` };
    case "unchanged": {
      const claimed = fromOctoStatus(callback.status);
      if (claimed && paymentTransition(octoStatus, claimed) === "backwards") {
        return { outcome: "ignored_out_of_order", detail: `${said}; payment is already ${octoStatus}` };
      }
      return { outcome: "applied", detail: `${said}; payment already ${octoStatus}` };
    }
    case "out_of_order":
      return {
        outcome: "ignored_out_of_order",
        detail: `${said}; payment is already ${applied.current}, statuses only move forward`,
      };
    case "unknown_payment":
      return { outcome: "ignored", detail: `${said}; unknown payment and OCTO gave no amount: import it by id` };
  }
}

/**
 * One OCTO notify callback (providers.md §2.7). OCTO signs only uuid + status and its recipe is
 * not byte-precisely documented, so a valid callback is treated as a trigger, never as the
 * fact: after the signature check (constant time, before any write except the rejection
 * receipt) and the de-duplication by hash_key, the payment's status is re-fetched from OCTO
 * (the documented three-field prepare_payment) and THAT status is applied, forward only.
 *
 * - Every delivery leaves a receipt with the raw body; the first valid delivery of a hash_key is
 *   claimed by the same unique index as Checkout.com's, in the transaction that applies it.
 * - If the re-fetch fails the receipt says so (not claimed) and the answer is 503, so OCTO
 *   retries the same callback later.
 * - Two-stage payments: a waiting_for_capture callback is applied as "authorized" and answered
 *   200 with no accept_status. We never capture automatically from a callback; capturing (or
 *   cancelling) the hold is a separate, deliberate set_accept.
 */
export async function receiveOctoNotify(
  db: Database,
  deps: OctoNotifyDeps,
  notifyKey: string,
  delivery: OctoDelivery,
  now = new Date(),
): Promise<OctoNotifyResult> {
  const { client } = deps;
  const base = { provider, rawBody: delivery.rawBody, headers: delivery.headers, receivedAt: now };
  let json: unknown;
  try {
    json = JSON.parse(delivery.rawBody);
  } catch {
    json = undefined;
  }
  if (json === undefined) {
    await recordRejectedReceipt(db, { ...base, signature: "missing" }, "body is not JSON");
    return { httpStatus: 400, outcome: "rejected", detail: "body is not JSON" };
  }
  const signature = signatureVerdict(json, notifyKey);
  if (signature !== "valid") {
    await recordRejectedReceipt(db, { ...base, signature }, `signature ${signature}`);
    return { httpStatus: 401, outcome: "rejected", detail: `signature ${signature}` };
  }

  const parsed = octoNotificationSchema.safeParse(json);
  const hashKey = parsed.success ? parsed.data.hash_key?.trim() : undefined;
  if (!parsed.success || !hashKey || hashKey.length > 100) {
    const detail = parsed.success
      ? "no usable hash_key, so the callback cannot be de-duplicated"
      : `not an OCTO notify callback: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`;
    await recordRejectedReceipt(db, { ...base, signature }, detail);
    return { httpStatus: 400, outcome: "rejected", detail };
  }
  const callback = parsed.data;
  const eventBase = { ...base, eventId: hashKey, eventType: callback.status, signature };
  const recordDuplicate = async () => {
    await recordDuplicateReceipt(db, eventBase);
    return { httpStatus: 200, outcome: "duplicate" as const };
  };
  /** Claims the callback (first receipt of its hash_key) with an outcome that changes nothing. */
  const claimIgnored = async (detail: string, paymentId: string | null = null): Promise<OctoNotifyResult> => {
    try {
      await recordReceipt(db, { ...eventBase, outcome: "ignored", isFirst: true, detail, paymentId });
    } catch (error) {
      if (uniqueViolationOf(error) === "webhook_receipts_first_unique") return recordDuplicate();
      throw error;
    }
    return { httpStatus: 200, outcome: "ignored", detail };
  };
  if (await wasEventSeen(db, provider, hashKey)) return recordDuplicate();

  const [known] = await db
    .select({ id: payments.id, reference: payments.reference, currency: payments.currency })
    .from(payments)
    .where(and(eq(payments.provider, provider), eq(payments.providerPaymentId, callback.octo_payment_UUID)))
    .limit(1);
  // OCTO's answers carry no currency: take ours, else the callback's (iota spec field).
  const currency =
    known && isOctoCurrency(known.currency)
      ? known.currency
      : callback.currency && isOctoCurrency(callback.currency)
        ? callback.currency
        : null;
  if (!currency)
    return claimIgnored(
      "unknown payment and the callback names no currency OCTO accepts: import it by id with its currency",
    );
  const shopTransactionId = known?.reference ?? callback.shop_transaction_id;

  let octo: OctoPayment;
  try {
    octo = await client.checkPaymentStatus(shopTransactionId, currency);
  } catch (error) {
    const reason = error instanceof OctoError ? error.message : "the status check failed";
    const detail = `status re-check with OCTO failed (${reason}); answered 503 so OCTO retries`;
    await recordReceipt(db, {
      ...eventBase,
      outcome: "rejected",
      isFirst: false,
      detail,
      paymentId: known?.id ?? null,
    });
    return { httpStatus: 503, outcome: "rejected", detail };
  }
  if (octo.octoPaymentUuid !== callback.octo_payment_UUID) {
    return claimIgnored(
      `OCTO's status check for shop_transaction_id ${shopTransactionId} returns payment ${octo.octoPaymentUuid}, not the callback's ${callback.octo_payment_UUID}`,
      known?.id ?? null,
    );
  }
  const status = fromOctoStatus(octo.status);
  if (!status)
    return claimIgnored(`OCTO reports status "${octo.status}", which the ledger does not know`, known?.id ?? null);

  // Refund changes also arrive as callbacks (the payment's status stays succeeded): ask OCTO about
  // the payment's refunds in flight now, outside any transaction, rather than on the next poll.
  const refundsMoved = known
    ? describeRefundRefreshes(await refreshRefundsInFlight(deps.refunds, known.id, now))
    : null;

  const applyOnce = () =>
    db.transaction(async (tx) => {
      const applied = await applyProviderStatus(
        tx,
        {
          provider,
          providerPaymentId: octo.octoPaymentUuid,
          status,
          providerStatus: octo.status,
          // A payment first seen here needs an amount: OCTO's own answer first, the signed callback's otherwise.
          amountMinor: octo.totalMinor ?? amountOf(callback.total_sum, currency),
          currency,
          reference: octo.shopTransactionId,
        },
        {
          source: "provider_webhook",
          at: now,
          detail: {
            eventId: hashKey,
            callbackStatus: callback.status,
            octoStatus: octo.status,
            ...(refundsMoved && { refunds: refundsMoved }),
          },
        },
      );
      const { outcome, detail } = outcomeOf(applied, callback, octo, status, refundsMoved);
      await recordReceipt(tx, {
        ...eventBase,
        outcome,
        detail,
        isFirst: true,
        paymentId: "paymentId" in applied ? applied.paymentId : null,
      });
      return { httpStatus: 200, outcome, detail };
    });
  return applyFirstDelivery<OctoNotifyResult>(applyOnce, recordDuplicate);
}
