import { and, eq, min } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refunds, type refundEventSources } from "@/drizzle/schema/refunds";
import type { Transaction } from "@/lib/db/types";
import { describeProviderFailure } from "@/lib/payments/request/record-request-outcome";
import { isOctoCurrency } from "@/lib/providers/octo/amounts";
import { fromCheckoutRefundAction, fromOctoRefundStatus } from "../provider-refund-status";
import { canTransition, watchedRefundStatuses, type RefundStatus } from "../refund-status";
import type { RefundDeps } from "../send-refund";
import { transitionRefund, type RefundFacts, type RefundOrigin, type RefundRow, type TransitionOutcome } from "../transition-refund";
import { checkFailureSentence } from "./check-failure-sentence";
import { checkoutResendWindowMs, maxCheckAttempts, nextCheckDelayMs } from "./check-schedule";

type PaymentRow = typeof payments.$inferSelect;

/** What one look at the provider said, before it is recorded. */
interface Verdict {
  /** The status the provider's answer means; null when it decided nothing (yet). */
  to: RefundStatus | null;
  facts: RefundFacts;
  /** What the provider said, kept on the refund event. */
  said: Record<string, unknown>;
  /** Set when a person must look (contradictory answer, key too old to resend). */
  attention?: string;
  /** Set when the provider could not be asked (no answer, or an error answer): a failed check, never "unchanged". */
  failure?: string;
  kind: "polled" | "resent";
}

export interface CheckResult {
  refundId: string;
  from: RefundStatus;
  status: RefundStatus;
  said: Record<string, unknown>;
  nextCheckAt: Date | null;
  /** Why the provider could not be asked, in the user's words; null when it answered. */
  failure: string | null;
}

/** Refunds whose provider call may never have arrived: the only ones sent again (same key). */
const resendable: readonly RefundStatus[] = ["requested", "unknown"];

const failureSaid = (error: unknown) => {
  const failure = describeProviderFailure(error);
  return { failure, said: { error: failure.message, ...failure.detail }, sentence: checkFailureSentence(failure) };
};

/** When the refund was first requested (after approval, for maker-checker refunds): its key cannot be older. */
async function requestedAtOf(deps: RefundDeps, refund: RefundRow): Promise<Date> {
  const [row] = await deps.db
    .select({ at: min(refundEvents.at) })
    .from(refundEvents)
    .where(and(eq(refundEvents.refundId, refund.id), eq(refundEvents.toStatus, "requested")));
  return row?.at ?? refund.createdAt;
}

async function resendCheckout(deps: RefundDeps, refund: RefundRow, payment: PaymentRow, providerPaymentId: string, now: Date): Promise<Verdict> {
  const requestedAt = await requestedAtOf(deps, refund);
  if (now.getTime() >= requestedAt.getTime() + checkoutResendWindowMs) {
    return {
      to: null,
      facts: {},
      kind: "polled",
      said: { actions: "no Refund action with our action id or reference", requestedAt: requestedAt.toISOString() },
      attention: `Checkout.com never confirmed this refund and shows no Refund action RF-${refund.id}; its idempotency key is too old to resend safely (24-hour window since ${requestedAt.toISOString()}). Check payment ${providerPaymentId} in the Checkout.com dashboard before refunding again.`,
    };
  }
  try {
    const accepted = await deps.clients.checkout.refundPayment(
      providerPaymentId,
      { amountMinor: refund.amountMinor, reference: `RF-${refund.id}`, metadata: { refund_id: refund.id } },
      refund.idempotencyKey,
    );
    return { to: "pending", kind: "resent", facts: { providerRefundId: accepted.actionId, providerStatus: "accepted (202)" }, said: { resentWithSameKey: true, actionId: accepted.actionId, paymentId: payment.id } };
  } catch (error) {
    const { failure, said, sentence } = failureSaid(error);
    // A definite refusal of the same request with the same key: nothing was refunded.
    if (failure.outcome === "rejected") {
      return { to: "failed", kind: "resent", facts: { providerStatus: failure.detail.code === undefined ? failure.message : String(failure.detail.code) }, said: { resentWithSameKey: true, ...said } };
    }
    return { to: null, kind: "resent", facts: {}, said: { resentWithSameKey: true, ...said }, failure: sentence };
  }
}

/**
 * Checkout.com: the payment's actions list shows decided refunds (pending ones are not listed).
 * Ours is the action with our action id, or, when the refund call's answer was lost, the one
 * with our reference RF-<refund id>. Not there and never accepted: resend with the same key.
 */
async function askCheckout(deps: RefundDeps, refund: RefundRow, payment: PaymentRow, providerPaymentId: string, now: Date): Promise<Verdict> {
  let actions;
  try {
    actions = (await deps.clients.checkout.getPaymentActions(providerPaymentId)).filter((action) => action.type === "Refund");
  } catch (error) {
    const { said, sentence } = failureSaid(error);
    return { to: null, kind: "polled", facts: {}, said, failure: sentence };
  }
  const reference = `RF-${refund.id}`;
  const withOurReference = actions.filter((a) => a.reference === reference);
  if (withOurReference.length > 1) {
    return {
      to: null,
      kind: "polled",
      facts: {},
      said: { actionIds: withOurReference.map((a) => a.id) },
      attention: `Checkout.com shows ${withOurReference.length} refund actions with this refund's reference ${reference} (${withOurReference.map((a) => a.id).join(", ")}): it may have been refunded twice.`,
    };
  }
  const ours = refund.providerRefundId ? actions.find((a) => a.id === refund.providerRefundId) : withOurReference[0];
  if (ours) {
    const said = { actionId: ours.id, approved: ours.approved, responseCode: ours.responseCode, responseSummary: ours.responseSummary, amountMinor: ours.amountMinor.toString() };
    const facts: RefundFacts = {
      providerRefundId: ours.id,
      providerStatus: ours.approved === null ? "action pending" : ours.approved ? "action approved" : "action declined",
      providerResponseCode: ours.responseCode,
      providerResponseSummary: ours.responseSummary,
    };
    if (ours.amountMinor !== refund.amountMinor) {
      return { to: null, kind: "polled", facts: {}, said, attention: `Checkout.com's refund action ${ours.id} is for ${ours.amountMinor} minor units; ours is for ${refund.amountMinor}.` };
    }
    return { to: fromCheckoutRefundAction(ours), kind: "polled", facts, said };
  }
  if (refund.providerRefundId) {
    return { to: null, kind: "polled", facts: {}, said: { actionId: refund.providerRefundId, actions: "not decided yet (pending refunds are not listed)" } };
  }
  if (!resendable.includes(refund.status)) {
    return { to: null, kind: "polled", facts: {}, said: { actions: `no Refund action with reference ${reference}` } };
  }
  return resendCheckout(deps, refund, payment, providerPaymentId, now);
}

/** OCTO: the refund call with the same shop_refund_id returns that refund's current state (providers.md §2.6). */
async function askOcto(deps: RefundDeps, refund: RefundRow, providerPaymentId: string): Promise<Verdict> {
  if (!isOctoCurrency(refund.currency)) throw new Error(`OCTO does not refund ${refund.currency}`);
  try {
    const answer = await deps.clients.octo.refund({ shopRefundId: refund.idempotencyKey, octoPaymentUuid: providerPaymentId, amountMinor: refund.amountMinor, currency: refund.currency });
    const said = { refundId: answer.refundId, status: answer.status, refundTime: answer.refundTime };
    if (refund.providerRefundId && answer.refundId !== refund.providerRefundId) {
      return { to: null, kind: "polled", facts: {}, said, attention: `OCTO answered with refund ${answer.refundId} for our shop_refund_id; it first said ${refund.providerRefundId}.` };
    }
    const to = fromOctoRefundStatus(answer.status);
    return { to: to === "unknown" ? null : to, kind: "polled", facts: { providerRefundId: answer.refundId, providerStatus: answer.status }, said };
  } catch (error) {
    const { failure, said, sentence } = failureSaid(error);
    if (failure.outcome !== "rejected") return { to: null, kind: "polled", facts: {}, said, failure: sentence };
    const providerStatus = failure.detail.code === undefined ? failure.message : String(failure.detail.code);
    // Never accepted: a refusal of the same shop_refund_id means nothing was refunded.
    if (resendable.includes(refund.status)) return { to: "failed", kind: "polled", facts: { providerStatus }, said };
    return { to: null, kind: "polled", facts: {}, said, attention: `OCTO refused to report on a refund it had accepted (${failure.message}).` };
  }
}

/** A person must look. A refund still "requested" (its call may never have left) is first marked unknown, the only way there. */
async function toNeedsAttention(tx: Transaction, refund: { id: string; status: RefundStatus }, reason: string, facts: RefundFacts, origin: RefundOrigin): Promise<TransitionOutcome> {
  const detail = { ...origin.detail, attention: reason };
  if (!canTransition(refund.status, "needs_attention") && canTransition(refund.status, "unknown")) {
    await transitionRefund(tx, refund.id, "unknown", {}, { ...origin, detail });
  }
  return transitionRefund(tx, refund.id, "needs_attention", { ...facts, attentionReason: reason }, { ...origin, detail });
}

/** Applies a verdict under the state machine; "expired" for a refund whose approval we missed goes through approved. */
async function applyVerdict(tx: Transaction, refund: RefundRow, verdict: Verdict, origin: { source: (typeof refundEventSources)[number]; at: Date }): Promise<TransitionOutcome | null> {
  const detail = { provider: refund.provider, ...verdict.said };
  if (verdict.attention) return toNeedsAttention(tx, refund, verdict.attention, verdict.facts, { ...origin, kind: verdict.kind, detail });
  if (verdict.to === null) {
    await tx.insert(refundEvents).values({ refundId: refund.id, at: origin.at, source: origin.source, kind: verdict.kind, fromStatus: refund.status, toStatus: refund.status, detail });
    return null;
  }
  if (verdict.to === "expired" && !canTransition(refund.status, "expired") && canTransition(refund.status, "approved")) {
    await transitionRefund(tx, refund.id, "approved", verdict.facts, { ...origin, kind: verdict.kind, detail: { ...detail, implied: "approved before it expired" } });
  }
  return transitionRefund(tx, refund.id, verdict.to, verdict.facts, { ...origin, kind: verdict.kind, detail });
}

/**
 * One look at the provider for one refund (the caller holds its lease): ask outside any
 * transaction, then in one transaction record what it said (always an event, even when nothing
 * changed), move the refund through the state machine, and schedule the next look with back-off.
 * Refunds still undecided after `maxCheckAttempts` looks move to needs_attention.
 */
export async function checkRefund(deps: RefundDeps, refundId: string, options: { now: Date }): Promise<CheckResult> {
  const { now } = options;
  const [row] = await deps.db.select({ refund: refunds, payment: payments }).from(refunds).innerJoin(payments, eq(payments.id, refunds.paymentId)).where(eq(refunds.id, refundId));
  if (!row) throw new Error(`refund ${refundId} vanished`);
  const { refund, payment } = row;
  const providerPaymentId = payment.providerPaymentId;
  if (!providerPaymentId) throw new Error(`refund ${refundId}: payment has no provider id`);
  const verdict = refund.provider === "checkout" ? await askCheckout(deps, refund, payment, providerPaymentId, now) : await askOcto(deps, refund, providerPaymentId);

  return deps.db.transaction(async (tx) => {
    await applyVerdict(tx, refund, verdict, { source: "provider_poll", at: now });
    const [after] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
    if (!after) throw new Error(`refund ${refundId} vanished`);
    const attempts = after.checkAttempts + 1;
    let status = after.status;
    const watched = (watchedRefundStatuses as readonly RefundStatus[]).includes(status);
    if (watched && attempts >= maxCheckAttempts) {
      const reason = `Still ${status} after ${attempts} checks since ${refund.createdAt.toISOString()}; ask ${refund.provider === "checkout" ? "Checkout.com" : "OCTO"} about it.`;
      await toNeedsAttention(tx, after, reason, {}, { source: "provider_poll", kind: "too_many_checks", at: now, detail: { attempts } });
      status = "needs_attention";
    }
    const nextCheckAt = (watchedRefundStatuses as readonly RefundStatus[]).includes(status) ? new Date(now.getTime() + nextCheckDelayMs(attempts)) : null;
    await tx.update(refunds).set({ checkAttempts: attempts, lastCheckedAt: now, nextCheckAt, leaseUntil: null }).where(eq(refunds.id, refundId));
    return { refundId, from: refund.status, status, said: verdict.said, nextCheckAt, failure: verdict.failure ?? null };
  });
}
