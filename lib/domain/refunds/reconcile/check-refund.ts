import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refunds, type refundEventSources } from "@/drizzle/schema/refunds";
import type { Transaction } from "@/lib/platform/db/types";
import { recordingProviderExchanges } from "@/lib/integrations/providers/exchange-recording";
import { withApiCalls, type ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import { canTransition, watchedRefundStatuses, type RefundStatus } from "../refund-status";
import type { RefundDeps } from "../send-refund";
import {
  transitionRefund,
  type RefundFacts,
  type RefundOrigin,
  type TransitionOutcome,
  type RefundRow,
} from "../transition-refund";
import { maxCheckAttempts, nextCheckDelayMs } from "./check-schedule";
import type { RefundVerdict } from "./refund-verdict";

export interface CheckResult {
  refundId: string;
  from: RefundStatus;
  status: RefundStatus;
  said: Record<string, unknown>;
  nextCheckAt: Date | null;
  /** Why the provider could not be asked, in the user's words; null when it answered. */
  failure: string | null;
}

/** A person must look. A refund still "requested" (its call may never have left) is first marked unknown, the only way there. */
async function toNeedsAttention(
  tx: Transaction,
  refund: { id: string; status: RefundStatus },
  reason: string,
  facts: RefundFacts,
  origin: RefundOrigin,
): Promise<TransitionOutcome> {
  const detail = { ...origin.detail, attention: reason };
  if (!canTransition(refund.status, "needs_attention") && canTransition(refund.status, "unknown")) {
    await transitionRefund(tx, refund.id, "unknown", {}, { ...origin, detail });
  }
  return transitionRefund(
    tx,
    refund.id,
    "needs_attention",
    { ...facts, attentionReason: reason },
    { ...origin, detail },
  );
}

/** Applies a verdict under the state machine; "expired" for a refund whose approval we missed goes through approved. */
async function applyVerdict(
  tx: Transaction,
  refund: RefundRow,
  verdict: RefundVerdict,
  origin: { source: (typeof refundEventSources)[number]; at: Date },
  apiCalls: readonly ProviderExchange[],
): Promise<TransitionOutcome | null> {
  const detail = withApiCalls({ provider: refund.provider, ...verdict.said }, apiCalls);
  if (verdict.attention)
    return toNeedsAttention(tx, refund, verdict.attention, verdict.facts, { ...origin, kind: verdict.kind, detail });
  if (verdict.to === null) {
    await tx.insert(refundEvents).values({
      refundId: refund.id,
      at: origin.at,
      source: origin.source,
      kind: verdict.kind,
      fromStatus: refund.status,
      toStatus: refund.status,
      detail,
    });
    return null;
  }
  if (
    verdict.to === "expired" &&
    !canTransition(refund.status, "expired") &&
    canTransition(refund.status, "approved")
  ) {
    await transitionRefund(tx, refund.id, "approved", verdict.facts, {
      ...origin,
      kind: verdict.kind,
      detail: { ...detail, implied: "approved before it expired" },
    });
  }
  return transitionRefund(tx, refund.id, verdict.to, verdict.facts, { ...origin, kind: verdict.kind, detail });
}

/**
 * One look at the provider for one refund (the caller holds its lease): ask outside any
 * transaction, then in one transaction record what it said (always an event, even when nothing
 * changed), move the refund through the state machine, and schedule the next look with back-off.
 * Refunds still undecided after `maxCheckAttempts` looks move to needs_attention.
 */
export async function checkRefund(
  deps: RefundDeps,
  refundId: string,
  options: { now: Date; source?: "provider_poll" | "provider_webhook" },
): Promise<CheckResult> {
  const { now } = options;
  // A check a provider callback prompted is recorded as the webhook's doing.
  const source = options.source ?? "provider_poll";
  const [row] = await deps.db
    .select({ refund: refunds, payment: payments })
    .from(refunds)
    .innerJoin(payments, eq(payments.id, refunds.paymentId))
    .where(eq(refunds.id, refundId));
  if (!row) throw new Error(`refund ${refundId} vanished`);
  const { refund, payment } = row;
  const providerPaymentId = payment.providerPaymentId;
  if (!providerPaymentId) throw new Error(`refund ${refundId}: payment has no provider id`);
  const apiCalls: ProviderExchange[] = [];
  const provider = paymentProviderFor(refund.provider);
  const verdict = await recordingProviderExchanges(apiCalls, () =>
    provider.readRefund(deps, refund, payment, providerPaymentId),
  );

  return deps.db.transaction(async (tx) => {
    await applyVerdict(tx, refund, verdict, { source, at: now }, apiCalls);
    const [after] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
    if (!after) throw new Error(`refund ${refundId} vanished`);
    const attempts = after.checkAttempts + 1;
    let status = after.status;
    const watched = (watchedRefundStatuses as readonly RefundStatus[]).includes(status);
    if (watched && attempts >= maxCheckAttempts) {
      const reason = `Still ${status} after ${attempts} checks since ${refund.createdAt.toISOString()}; ask ${provider.label} about it.`;
      await toNeedsAttention(tx, after, reason, {}, { source, kind: "too_many_checks", at: now, detail: { attempts } });
      status = "needs_attention";
    }
    const nextCheckAt = (watchedRefundStatuses as readonly RefundStatus[]).includes(status)
      ? new Date(now.getTime() + nextCheckDelayMs(attempts))
      : null;
    await tx
      .update(refunds)
      .set({ checkAttempts: attempts, lastCheckedAt: now, nextCheckAt, leaseUntil: null })
      .where(eq(refunds.id, refundId));
    return { refundId, from: refund.status, status, said: verdict.said, nextCheckAt, failure: verdict.failure ?? null };
  });
}
