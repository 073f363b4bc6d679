import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { alias } from "drizzle-orm/pg-core";
import { asc, desc, eq, inArray, sql } from "drizzle-orm";
import { users } from "@/drizzle/schema/auth";
import { refundEvents, refunds, type refundEventSources } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { refundEventSentence } from "@/lib/domain/payments/timeline-wording";
import { isActionNeeded, loadFollowUps, type FollowUpView } from "./follow-up/load-follow-ups";
import { expiresInDays } from "./collection-window";
import { isFinalRefundStatus, type RefundStatus } from "./refund-status";

export type RefundEventSource = (typeof refundEventSources)[number];

/** One refund as the payment page and its live poll show it: JSON-safe (amounts and times as strings). */
export interface RefundView {
  id: string;
  status: RefundStatus;
  provider: PaymentProviderName;
  amountMinor: string;
  currency: string;
  reason: string;
  note: string | null;
  requestedBy: { id: string; email: string } | null;
  decidedBy: { email: string } | null;
  decisionNote: string | null;
  attentionReason: string | null;
  providerRefundId: string | null;
  providerStatus: string | null;
  providerResponseCode: string | null;
  providerResponseSummary: string | null;
  createdAt: string;
  statusChangedAt: string;
  updatedAt: string;
  /** Nothing changes without a person or the provider's slow clock: live polling stops. */
  settled: boolean;
  /** Approved Octopus card refunds: whole days left to collect, on the provider's clock. */
  expiresInDays: number | null;
  /** Declined, expired or not collected, and nobody has recorded that it was refunded another way. */
  actionNeeded: boolean;
  followUps: FollowUpView[];
  events: {
    id: string;
    at: string;
    source: RefundEventSource;
    kind: string;
    actorEmail: string | null;
    fromStatus: RefundStatus | null;
    toStatus: RefundStatus | null;
    /** What happened, as one sentence in the user's words ("Fiona Finance approved this refund."). */
    sentence: string;
  }[];
}

/**
 * [OURS] The live view stops polling at a final status and at approved: an approved Octopus card
 * refund can still expire, but only 90 days later (the monitor shows that countdown).
 */
export function isSettledForLiveView(status: RefundStatus): boolean {
  return isFinalRefundStatus(status) || status === "approved";
}

export const refundEventSourceLabels: Record<RefundEventSource, string> = {
  staff: "Staff",
  api_call: "Provider answer",
  provider_webhook: "Provider webhook",
  provider_poll: "Provider poll",
  sandbox_clock: "Sandbox clock",
  system: "System",
};

/**
 * A payment's refunds, newest first, each with its whole event timeline and follow-ups (oldest
 * first). `providerNow` is the providers' clock (the sandbox clock in sandbox mode), for the
 * collection countdown.
 */
export async function loadPaymentRefunds(db: DbOrTx, paymentId: string, providerNow: Date): Promise<RefundView[]> {
  const requester = alias(users, "requester");
  const decider = alias(users, "decider");
  const rows = await db
    .select({ refund: refunds, requesterEmail: requester.email, deciderEmail: decider.email })
    .from(refunds)
    .leftJoin(requester, eq(requester.id, refunds.requestedBy))
    .leftJoin(decider, eq(decider.id, refunds.decidedBy))
    .where(eq(refunds.paymentId, paymentId))
    .orderBy(desc(refunds.createdAt), desc(refunds.id));
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.refund.id);
  const [followUps, events] = await Promise.all([
    loadFollowUps(db, ids),
    db
      .select({
        event: refundEvents,
        actorEmail: users.email,
        actorName: users.name,
        failure: sql<string | null>`${refundEvents.detail}->>'error'`,
      })
      .from(refundEvents)
      .leftJoin(users, eq(users.id, refundEvents.actorUserId))
      .where(inArray(refundEvents.refundId, ids))
      .orderBy(asc(refundEvents.id)),
  ]);
  return rows.map(({ refund, requesterEmail, deciderEmail }) => ({
    id: refund.id,
    status: refund.status,
    provider: refund.provider,
    amountMinor: refund.amountMinor.toString(),
    currency: refund.currency,
    reason: refund.reason,
    note: refund.note,
    requestedBy: refund.requestedBy && requesterEmail ? { id: refund.requestedBy, email: requesterEmail } : null,
    decidedBy: deciderEmail ? { email: deciderEmail } : null,
    decisionNote: refund.decisionNote,
    attentionReason: refund.attentionReason,
    providerRefundId: refund.providerRefundId,
    providerStatus: refund.providerStatus,
    providerResponseCode: refund.providerResponseCode,
    providerResponseSummary: refund.providerResponseSummary,
    createdAt: refund.createdAt.toISOString(),
    statusChangedAt: refund.statusChangedAt.toISOString(),
    updatedAt: refund.updatedAt.toISOString(),
    settled: isSettledForLiveView(refund.status),
    expiresInDays: expiresInDays(refund, providerNow),
    actionNeeded: isActionNeeded(refund.status, followUps.get(refund.id) ?? []),
    followUps: followUps.get(refund.id) ?? [],
    events: events
      .filter(({ event }) => event.refundId === refund.id)
      .map(({ event, actorEmail, actorName, failure }) => ({
        id: event.id.toString(),
        at: event.at.toISOString(),
        source: event.source,
        kind: event.kind,
        actorEmail,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
        sentence: refundEventSentence({
          kind: event.kind,
          provider: refund.provider,
          actor: actorName,
          refund: "this refund",
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          unanswered: failure !== null,
        }),
      })),
  }));
}
