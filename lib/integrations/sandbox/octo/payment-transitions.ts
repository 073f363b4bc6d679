import { randomInt } from "node:crypto";
import type { DbOrTx } from "@/lib/platform/db/types";
import { scheduleEvent } from "../core/events";
import { getDoc, putDoc } from "../core/store";
import { octoPaymentDocs, type SimulatedCard, type SimulatedPayment } from "./documents";
import { enqueueOctoCallback } from "./notify";
import { octoLocalTime } from "./wire/time";

/** [OURS] An undecided two-stage hold is canceled after 30 minutes of sandbox time (providers.md §2.5). */
export const octoHoldTtlMs = 30 * 60_000;
export const holdExpiryEvent = "hold_expiry";

/** The test card every sandbox payment is made with. */
function sandboxCard(): SimulatedCard {
  return {
    cardCountry: "UZ",
    maskedPan: "860049** **** 0017",
    rrn: String(randomInt(100_000_000_000, 999_999_999_999)),
    cardType: "uzcard",
    cardVendor: "uzcard",
    isPhysicalCard: true,
  };
}

export type PayPageDecision = "approve" | "decline";

/**
 * The tester's decision on the pay page, in one transaction with the payment row locked:
 * approve → succeeded (one-stage) or waiting_for_capture (two-stage, with an expiry event);
 * decline → canceled. Returns null when the payment is unknown, or the payment unchanged
 * (with changed = false) when it already left `created`.
 */
export async function decideOnPayPage(
  tx: DbOrTx,
  uuid: string,
  decision: PayPageDecision,
  now: Date,
): Promise<{ payment: SimulatedPayment; changed: boolean } | null> {
  const doc = await getDoc<SimulatedPayment>(tx, octoPaymentDocs, uuid, { forUpdate: true });
  if (!doc) return null;
  if (doc.data.status !== "created") return { payment: doc.data, changed: false };
  const payment: SimulatedPayment = { ...doc.data, card: sandboxCard() };
  if (decision === "decline") payment.status = "canceled";
  else if (payment.autoCapture) {
    payment.status = "succeeded";
    payment.payedTime = octoLocalTime(now);
  } else {
    payment.status = "waiting_for_capture";
    payment.heldMinor = payment.totalMinor;
    await scheduleEvent(tx, {
      provider: "octo",
      kind: holdExpiryEvent,
      dueAt: new Date(now.getTime() + octoHoldTtlMs),
      payload: { paymentUuid: uuid },
    });
  }
  await putDoc(tx, octoPaymentDocs, uuid, payment, now);
  await enqueueOctoCallback(tx, payment, `payment.${payment.status}`, now);
  return { payment, changed: true };
}

/** Scheduled: cancels a hold nobody decided on; a no-op once set_accept ran. */
export async function expireHold(tx: DbOrTx, paymentUuid: string, now: Date): Promise<void> {
  const doc = await getDoc<SimulatedPayment>(tx, octoPaymentDocs, paymentUuid, { forUpdate: true });
  if (!doc || doc.data.status !== "waiting_for_capture") return;
  const payment: SimulatedPayment = { ...doc.data, status: "canceled" };
  await putDoc(tx, octoPaymentDocs, paymentUuid, payment, now);
  await enqueueOctoCallback(tx, payment, "payment.canceled", now);
}
