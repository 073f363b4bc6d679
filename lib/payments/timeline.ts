import { desc, eq } from "drizzle-orm";
import { users } from "@/drizzle/schema/auth";
import { paymentEvents, webhookReceipts, type paymentEventSources } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/db/types";
import { prettyBody } from "@/lib/webhooks/pretty-body";
import { redactBody } from "@/lib/security/redact";
import type { SignatureVerdict, WebhookOutcome } from "@/lib/webhooks/receipts";
import type { PaymentStatus } from "./payment-status";

export type TimelineSource = (typeof paymentEventSources)[number];

export const timelineSourceLabels: Record<TimelineSource, string> = {
  provider_webhook: "Provider webhook",
  provider_poll: "Provider poll",
  api_call: "Our API call",
  staff: "Staff",
  system: "System",
};

export interface TimelineEntry {
  /** Unique within one timeline: "event-<id>" or "receipt-<id>". */
  key: string;
  at: Date;
  source: TimelineSource;
  title: string;
  fromStatus: PaymentStatus | null;
  toStatus: PaymentStatus | null;
  actor: { email: string; name: string } | null;
  /** One line of plain text, or null. */
  detail: string | null;
  /** The provider's body exactly as received (webhooks) or a structured event detail, pretty-printed. */
  rawPayload: string | null;
  /** Set on webhook deliveries only. */
  webhook: { eventId: string | null; eventType: string | null; signature: SignatureVerdict; outcome: WebhookOutcome } | null;
}

export interface PaymentTimeline {
  /** Oldest first. */
  entries: TimelineEntry[];
  /** True when older entries exist than the ones returned. */
  truncated: boolean;
  limit: number;
}

export const defaultTimelineLimit = 200;

const eventTitles: Record<string, string> = {
  created_from_provider: "Payment first seen at the provider",
  status_changed: "Status changed",
  confirmed: "Status confirmed by the provider (no change)",
  ignored_out_of_order: "Out-of-order status ignored",
  requested: "Payment requested",
  setup_created: "Payment setup created at Checkout.com",
  provider_accepted: "Provider accepted the request",
  provider_rejected: "Provider refused the request",
  outcome_unknown: "No answer from the provider (outcome unknown)",
  request_resumed: "Request resumed with the same idempotency key",
  linked_to_provider: "Linked to the provider's payment",
  api_call: "Provider API call",
  imported: "Imported from the provider",
  synced: "Synced from the provider",
};

/** Known kinds get a written title; a kind added later still reads as words ("sync_failed" → "Sync failed"). */
export function titleOfEventKind(kind: string): string {
  const known = eventTitles[kind];
  if (known) return known;
  const words = kind.replaceAll("_", " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "Event";
}

function isScalar(value: unknown): value is string | number | boolean | null {
  return value === null || ["string", "number", "boolean"].includes(typeof value);
}

/** How a detail field reads on the page; any other key is split into words ("shopRefundId" → "shop refund id"). */
const detailLabels: Record<string, string> = {
  eventType: "event",
  eventId: "event id",
  inStep: "in step with the provider",
  httpStatus: "HTTP status",
  providerStatus: "provider status",
  amountMinor: "amount in minor units",
  ok: "succeeded",
};

const detailLabel = (key: string): string =>
  detailLabels[key] ??
  key
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replaceAll("_", " ")
    .toLowerCase();

const detailValue = (value: string | number | boolean | null): string => (value === true ? "yes" : value === false ? "no" : value === null ? "none" : String(value));

/**
 * An event's jsonb detail as one line of its scalar fields in words ("event: payment_captured, …");
 * when it holds anything nested (a provider response, say) the whole detail is also offered
 * pretty-printed as the raw payload.
 */
export function describeEventDetail(detail: Record<string, unknown> | null): { detail: string | null; rawPayload: string | null } {
  if (!detail) return { detail: null, rawPayload: null };
  const entries = Object.entries(detail);
  const scalars = entries.flatMap(([key, value]) => (isScalar(value) ? [`${detailLabel(key)}: ${detailValue(value)}`] : []));
  const nested = entries.some(([, value]) => !isScalar(value));
  return { detail: scalars.length ? scalars.join(", ") : null, rawPayload: nested ? JSON.stringify(detail, null, 2) : null };
}

// Sort order among entries with the same timestamp: the delivery that caused an event is
// written in the same transaction with the same time, and reads first.
const originRank = { receipt: 0, event: 1 } as const;

interface Sortable {
  entry: TimelineEntry;
  origin: keyof typeof originRank;
  id: bigint;
}

/** Total order: time, then delivery before event, then insertion id. Equal timestamps never shuffle. */
export function compareTimeline(a: Sortable, b: Sortable): number {
  const byTime = a.entry.at.getTime() - b.entry.at.getTime();
  if (byTime !== 0) return byTime;
  const byOrigin = originRank[a.origin] - originRank[b.origin];
  if (byOrigin !== 0) return byOrigin;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The payment's history as one time-ordered list: its timeline events (with the staff member
 * who acted, if any) merged with the webhook deliveries linked to it (event type, signature
 * verdict, outcome, raw body). Bounded: the most recent `limit` entries, oldest first, with
 * `truncated` set when older ones were left out. Each source is read newest first by its
 * (payment_id, id) index, `limit + 1` rows at most.
 */
export async function loadPaymentTimeline(db: DbOrTx, paymentId: string, limit = defaultTimelineLimit): Promise<PaymentTimeline> {
  const [events, receipts] = await Promise.all([
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
  ]);

  const merged: Sortable[] = [
    ...events.map((row): Sortable => {
      const described = describeEventDetail(row.detail);
      return {
        origin: "event",
        id: row.id,
        entry: {
          key: `event-${row.id}`,
          at: row.at,
          source: row.source,
          title: titleOfEventKind(row.kind),
          fromStatus: row.fromStatus,
          toStatus: row.toStatus,
          actor: row.actorEmail !== null && row.actorName !== null ? { email: row.actorEmail, name: row.actorName } : null,
          ...described,
          webhook: null,
        },
      };
    }),
    ...receipts.map(
      (row): Sortable => ({
        origin: "receipt",
        id: row.id,
        entry: {
          key: `receipt-${row.id}`,
          at: row.receivedAt,
          source: "provider_webhook",
          title: `Webhook received: ${row.eventType ?? "unknown event"}`,
          fromStatus: null,
          toStatus: null,
          actor: null,
          detail: [row.provider, row.eventId, row.detail].filter(Boolean).join(" · ") || null,
          rawPayload: prettyBody(redactBody(row.rawBody)),
          webhook: { eventId: row.eventId, eventType: row.eventType, signature: row.signature, outcome: row.outcome },
        },
      }),
    ),
  ];

  merged.sort(compareTimeline);
  const truncated = merged.length > limit;
  return { entries: merged.slice(merged.length - Math.min(limit, merged.length)).map((s) => s.entry), truncated, limit };
}
