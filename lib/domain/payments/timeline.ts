import { desc, eq } from "drizzle-orm";
import { users } from "@/drizzle/schema/auth";
import { paymentEvents, payments, webhookReceipts } from "@/drizzle/schema/payments";
import type { refundEventSources } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { exchangesOf, type ProviderExchange } from "@/lib/integrations/providers/provider-exchange";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { redactBody } from "@/lib/platform/security/redact";
import { prettyBody } from "@/lib/domain/webhooks/pretty-body";
import type { SignatureVerdict, WebhookOutcome } from "@/lib/domain/webhooks/receipts";
import type { PaymentStatus } from "./payment-status";
import { describeEventDetail } from "./timeline-detail";
import { loadRefundEntries, refundOfReceipt } from "./timeline-refunds";
import { paymentEventSentence, webhookSentence } from "./timeline-wording";

/** Where an entry came from: every payment event source, plus the refund-only ones (sandbox clock). */
export type TimelineSource = (typeof refundEventSources)[number];

export const timelineSourceLabels: Record<TimelineSource, string> = {
  provider_webhook: "Provider webhook",
  provider_poll: "Provider poll",
  api_call: "Our API call",
  staff: "Staff",
  system: "System",
  sandbox_clock: "Sandbox clock",
};

/** The refund an entry is about: how it is named and where its row on the page is. */
export interface TimelineRefund {
  id: string;
  /** "Refund of HK$50.00", with a short id when two refunds of this payment share the amount. */
  label: string;
  /** The page anchor of its row in the refunds list. */
  href: string;
}

export type TimelineStatusChange =
  | { of: "payment"; from: PaymentStatus | null; to: PaymentStatus }
  | { of: "refund"; from: RefundStatus | null; to: RefundStatus };

export interface TimelineEntry {
  /** Unique within one timeline: "event-<id>", "refund-event-<id>" or "receipt-<id>". */
  key: string;
  at: Date;
  source: TimelineSource;
  /** One sentence in the user's words. */
  title: string;
  status: TimelineStatusChange | null;
  actor: { email: string; name: string } | null;
  /** One line of plain text, or null. */
  detail: string | null;
  /** The provider's body exactly as received (webhooks, secrets redacted) or a structured event detail, pretty-printed. */
  rawPayload: string | null;
  /** Set on webhook deliveries only. */
  webhook: {
    eventId: string | null;
    eventType: string | null;
    signature: SignatureVerdict;
    outcome: WebhookOutcome;
  } | null;
  /** Set on refund events, and on webhook deliveries about one of this payment's refunds. */
  refund: TimelineRefund | null;
  /** Our calls to the provider that led to this entry, bodies redacted. */
  apiCalls: ProviderExchange[];
}

export interface PaymentTimeline {
  /** Oldest first. */
  entries: TimelineEntry[];
  /** True when older entries exist than the ones returned. */
  truncated: boolean;
  limit: number;
}

export const defaultTimelineLimit = 200;

// Sort order among entries with the same timestamp: the delivery that caused an event is
// written in the same transaction with the same time, and reads first; then the payment's own
// events, then its refunds' events.
const originRank = { receipt: 0, event: 1, refund_event: 2 } as const;

export interface Sortable {
  entry: TimelineEntry;
  origin: keyof typeof originRank;
  id: bigint;
}

/** Total order: time, then delivery before payment event before refund event, then insertion id. Equal timestamps never shuffle. */
export function compareTimeline(a: Sortable, b: Sortable): number {
  const byTime = a.entry.at.getTime() - b.entry.at.getTime();
  if (byTime !== 0) return byTime;
  const byOrigin = originRank[a.origin] - originRank[b.origin];
  if (byOrigin !== 0) return byOrigin;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const actorOf = (row: { actorEmail: string | null; actorName: string | null }) =>
  row.actorEmail !== null && row.actorName !== null ? { email: row.actorEmail, name: row.actorName } : null;

/**
 * The payment's history as one time-ordered list: its own events and every event of its refunds
 * (staff decisions with who, our calls with their redacted bodies, provider answers, ignored late
 * facts), merged with the webhook deliveries linked to it (a delivery about a refund names it).
 * Bounded: the most recent `limit` entries, oldest first, with `truncated` set when older ones
 * were left out. Each source is read newest first by an index, `limit + 1` rows at most.
 */
export async function loadPaymentTimeline(
  db: DbOrTx,
  paymentId: string,
  limit = defaultTimelineLimit,
): Promise<PaymentTimeline> {
  const [payment] = await db.select({ provider: payments.provider }).from(payments).where(eq(payments.id, paymentId));
  if (!payment) return { entries: [], truncated: false, limit };
  const [events, receipts, refundEntries] = await Promise.all([
    db
      .select({
        id: paymentEvents.id,
        at: paymentEvents.at,
        source: paymentEvents.source,
        kind: paymentEvents.kind,
        fromStatus: paymentEvents.fromStatus,
        toStatus: paymentEvents.toStatus,
        detail: paymentEvents.detail,
        actorEmail: users.email,
        actorName: users.name,
      })
      .from(paymentEvents)
      .leftJoin(users, eq(users.id, paymentEvents.actorUserId))
      .where(eq(paymentEvents.paymentId, paymentId))
      .orderBy(desc(paymentEvents.at), desc(paymentEvents.id))
      .limit(limit + 1),
    db
      .select({
        id: webhookReceipts.id,
        receivedAt: webhookReceipts.receivedAt,
        provider: webhookReceipts.provider,
        eventId: webhookReceipts.eventId,
        eventType: webhookReceipts.eventType,
        signature: webhookReceipts.signature,
        outcome: webhookReceipts.outcome,
        detail: webhookReceipts.detail,
        rawBody: webhookReceipts.rawBody,
      })
      .from(webhookReceipts)
      .where(eq(webhookReceipts.paymentId, paymentId))
      .orderBy(desc(webhookReceipts.receivedAt), desc(webhookReceipts.id))
      .limit(limit + 1),
    loadRefundEntries(db, paymentId, limit + 1),
  ]);

  const merged: Sortable[] = [
    ...events.map((row): Sortable => {
      const actor = actorOf(row);
      return {
        origin: "event",
        id: row.id,
        entry: {
          key: `event-${row.id}`,
          at: row.at,
          source: row.source,
          title: paymentEventSentence({
            kind: row.kind,
            provider: payment.provider,
            actor: actor?.name ?? null,
            fromStatus: row.fromStatus,
            toStatus: row.toStatus,
          }),
          status: row.toStatus ? { of: "payment", from: row.fromStatus, to: row.toStatus } : null,
          actor,
          ...describeEventDetail(row.detail),
          webhook: null,
          refund: null,
          apiCalls: exchangesOf(row.detail),
        },
      };
    }),
    ...receipts.map((row): Sortable => {
      const refund = refundOfReceipt(refundEntries, row);
      return {
        origin: "receipt",
        id: row.id,
        entry: {
          key: `receipt-${row.id}`,
          at: row.receivedAt,
          source: "provider_webhook",
          title: webhookSentence({
            provider: row.provider,
            refund: refund?.named ?? null,
            readable: row.eventType !== null,
          }),
          status: null,
          actor: null,
          detail:
            [row.eventType && `Event ${row.eventType}`, row.eventId, row.detail].filter(Boolean).join(" · ") || null,
          rawPayload: prettyBody(redactBody(row.rawBody)),
          webhook: { eventId: row.eventId, eventType: row.eventType, signature: row.signature, outcome: row.outcome },
          refund: refund?.ref ?? null,
          apiCalls: [],
        },
      };
    }),
    ...refundEntries.sortables,
  ];

  merged.sort(compareTimeline);
  const truncated = merged.length > limit;
  return {
    entries: merged.slice(merged.length - Math.min(limit, merged.length)).map((s) => s.entry),
    truncated,
    limit,
  };
}
