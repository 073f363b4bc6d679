import { alias } from "drizzle-orm/pg-core";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { users } from "@/drizzle/schema/auth";
import { refundEvents, refunds, type refundEventSources } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/db/types";
import { isFinalRefundStatus, type RefundStatus } from "./refund-status";

export type RefundEventSource = (typeof refundEventSources)[number];

/** One refund as the payment page and its live poll show it: JSON-safe (amounts and times as strings). */
export interface RefundView {
  id: string;
  status: RefundStatus;
  provider: "checkout" | "octo";
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
  events: {
    id: string;
    at: string;
    source: RefundEventSource;
    kind: string;
    actorEmail: string | null;
    fromStatus: RefundStatus | null;
    toStatus: RefundStatus | null;
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

/** A payment's refunds, newest first, each with its whole event timeline (oldest first). */
export async function loadPaymentRefunds(db: DbOrTx, paymentId: string): Promise<RefundView[]> {
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
  const events = await db
    .select({ event: refundEvents, actorEmail: users.email })
    .from(refundEvents)
    .leftJoin(users, eq(users.id, refundEvents.actorUserId))
    .where(
      inArray(
        refundEvents.refundId,
        rows.map((row) => row.refund.id),
      ),
    )
    .orderBy(asc(refundEvents.id));
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
    events: events
      .filter(({ event }) => event.refundId === refund.id)
      .map(({ event, actorEmail }) => ({
        id: event.id.toString(),
        at: event.at.toISOString(),
        source: event.source,
        kind: event.kind,
        actorEmail,
        fromStatus: event.fromStatus,
        toStatus: event.toStatus,
      })),
  }));
}
