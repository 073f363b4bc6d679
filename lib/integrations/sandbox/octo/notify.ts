import { randomUUID } from "node:crypto";
import type { DbOrTx } from "@/lib/platform/db/types";
import { enqueueWebhook } from "../core/webhooks";
import { sandboxCredentials } from "../credentials";
import { transferMinor, type SimulatedPayment } from "./documents";
import { octoDecimal } from "./wire/amounts";
import { octoJson } from "./wire/decimal-json";
import { octoNotifySignature } from "./wire/notify-signature";

/** [OURS] OCTO's retry schedule is unpublished (a writeup says at most 3 retries). */
export const octoCallbackRetryDelaysMs = [60_000, 5 * 60_000, 15 * 60_000] as const;

/** The notify_url body of providers.md §2.7, signed with the shop's notify key. */
export function buildOctoCallback(payment: SimulatedPayment): string {
  const hashKey = randomUUID();
  const signature = octoNotifySignature(sandboxCredentials.octo.notifyKey, payment.uuid, payment.status);
  const card = payment.card;
  return octoJson({
    shop_transaction_id: payment.shopTransactionId,
    octo_payment_UUID: payment.uuid,
    status: payment.status,
    signature,
    hash_key: hashKey,
    total_sum: octoDecimal(payment.totalMinor, payment.currency),
    transfer_sum: octoDecimal(transferMinor(payment), payment.currency),
    refunded_sum: octoDecimal(payment.refundedMinor, payment.currency),
    card_country: card?.cardCountry ?? null,
    maskedPan: card?.maskedPan ?? null,
    rrn: card?.rrn ?? null,
    riskLevel: 0,
    payed_time: payment.payedTime,
    card_type: card?.cardType ?? null,
    is_physical_card: card?.isPhysicalCard ?? null,
    currency: payment.currency,
    card_vendor: card?.cardVendor ?? null,
  });
}

/**
 * Queues a callback for the payment's current state, in the caller's transaction. Sent on every
 * payment status change and ([OURS]) on every refund status change; nothing without a notify_url.
 */
export async function enqueueOctoCallback(
  tx: DbOrTx,
  payment: SimulatedPayment,
  eventType: string,
  now: Date,
): Promise<void> {
  if (!payment.notifyUrl) return;
  await enqueueWebhook(
    tx,
    {
      provider: "octo",
      eventId: `octo_cb_${randomUUID()}`,
      eventType,
      url: payment.notifyUrl,
      headers: {},
      body: buildOctoCallback(payment),
    },
    now,
  );
}
