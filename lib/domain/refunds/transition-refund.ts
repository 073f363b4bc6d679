import { eq, sql } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refunds, type refundEventSources } from "@/drizzle/schema/refunds";
import type { Transaction } from "@/lib/platform/db/types";
import { raiseRefundAlert } from "@/lib/domain/alerts/raise-refund-alert";
import { canTransition, isProviderDecision, isRefundedStatus, reservesMoney, type RefundStatus } from "./refund-status";

export type RefundRow = typeof refunds.$inferSelect;

export interface RefundFacts {
  providerRefundId?: string;
  providerStatus?: string;
  providerResponseCode?: string | null;
  providerResponseSummary?: string | null;
  attentionReason?: string;
  decidedBy?: string;
  decisionNote?: string;
  /**
   * When the provider made the decision this move records, on the provider's clock (its event or
   * action time, else the sandbox clock in sandbox mode). Required for every provider decision.
   */
  providerDecidedAt?: Date;
  /** When the refund is sent on its way (requested), on the provider's clock. */
  providerRequestedAt?: Date;
  /** When the reconciler should look next (null: stop watching). */
  nextCheckAt?: Date | null;
}

export interface RefundOrigin {
  source: (typeof refundEventSources)[number];
  kind: string;
  at: Date;
  actorUserId?: string | null;
  detail?: Record<string, unknown>;
}

/** The kind of the event a forbidden move is recorded as: its to_status is what was asked for, not what happened. */
export const ignoredTransitionKind = "ignored_transition";

export type TransitionOutcome =
  { kind: "applied"; from: RefundStatus } | { kind: "same" } | { kind: "ignored"; current: RefundStatus };

/**
 * The only way a refund's status changes. Inside the caller's transaction it locks the payment
 * row, then the refund row (always in that order: no deadlocks), applies the move only if the
 * transition table allows it, keeps the payment's reserved amount equal to the refunds that
 * hold money (the database CHECK refuses anything above the captured amount) and its refunded
 * amount equal to the approved ones, appends the event, and raises the alert the move calls for
 * (outbox, same transaction). A move the table forbids is appended as "ignored", never applied.
 */
export async function transitionRefund(
  tx: Transaction,
  refundId: string,
  to: RefundStatus,
  facts: RefundFacts,
  origin: RefundOrigin,
): Promise<TransitionOutcome> {
  // Octopus's collection countdown counts from this time: a decision without it would count from nothing.
  if (isProviderDecision(to) && facts.providerDecidedAt === undefined)
    throw new Error(`refund ${refundId}: a move to ${to} needs the provider's decision time`);
  const [paymentLock] = await tx
    .select({ id: payments.id })
    .from(payments)
    .where(eq(payments.id, sql`(select ${refunds.paymentId} from ${refunds} where ${refunds.id} = ${refundId})`))
    .for("update");
  if (!paymentLock) throw new Error(`refund ${refundId} has no payment`);
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
  if (!refund) throw new Error(`refund ${refundId} vanished`);
  const providerFields = {
    ...(facts.providerRefundId !== undefined && { providerRefundId: facts.providerRefundId }),
    ...(facts.providerStatus !== undefined && { providerStatus: facts.providerStatus }),
    ...(facts.providerResponseCode !== undefined && { providerResponseCode: facts.providerResponseCode }),
    ...(facts.providerResponseSummary !== undefined && { providerResponseSummary: facts.providerResponseSummary }),
    ...(facts.nextCheckAt !== undefined && { nextCheckAt: facts.nextCheckAt }),
  };
  const event = {
    refundId,
    at: origin.at,
    source: origin.source,
    actorUserId: origin.actorUserId ?? null,
    detail: origin.detail ?? null,
  };

  if (refund.status === to) {
    await tx
      .update(refunds)
      .set({ ...providerFields, updatedAt: origin.at })
      .where(eq(refunds.id, refundId));
    await tx.insert(refundEvents).values({ ...event, kind: `${origin.kind}_confirmed`, fromStatus: to, toStatus: to });
    return { kind: "same" };
  }
  if (!canTransition(refund.status, to)) {
    await tx.insert(refundEvents).values({
      ...event,
      kind: ignoredTransitionKind,
      fromStatus: refund.status,
      toStatus: to,
      detail: { ...origin.detail, was: origin.kind },
    });
    return { kind: "ignored", current: refund.status };
  }

  const share = (status: RefundStatus, holds: (status: RefundStatus) => boolean) =>
    holds(status) ? refund.amountMinor : 0n;
  const reservedDelta = share(to, reservesMoney) - share(refund.status, reservesMoney);
  const refundedDelta = share(to, isRefundedStatus) - share(refund.status, isRefundedStatus);
  if (reservedDelta !== 0n || refundedDelta !== 0n) {
    await tx
      .update(payments)
      .set({
        refundReservedMinor: sql`${payments.refundReservedMinor} + ${reservedDelta}`,
        refundedMinor: sql`${payments.refundedMinor} + ${refundedDelta}`,
        updatedAt: origin.at,
      })
      .where(eq(payments.id, refund.paymentId));
  }
  await tx
    .update(refunds)
    .set({
      ...providerFields,
      status: to,
      ...(isProviderDecision(to) && { providerDecidedAt: facts.providerDecidedAt }),
      ...(facts.providerRequestedAt !== undefined && { providerRequestedAt: facts.providerRequestedAt }),
      statusChangedAt: origin.at,
      updatedAt: origin.at,
      ...(facts.attentionReason !== undefined && { attentionReason: facts.attentionReason }),
      ...(facts.decidedBy !== undefined && { decidedBy: facts.decidedBy }),
      ...(facts.decisionNote !== undefined && { decisionNote: facts.decisionNote }),
    })
    .where(eq(refunds.id, refundId));
  await tx.insert(refundEvents).values({ ...event, kind: origin.kind, fromStatus: refund.status, toStatus: to });
  await raiseRefundAlert(tx, to, {
    refundId,
    paymentId: refund.paymentId,
    provider: refund.provider,
    amountMinor: refund.amountMinor,
    currency: refund.currency,
    attentionReason: facts.attentionReason ?? refund.attentionReason,
  });
  return { kind: "applied", from: refund.status };
}
