import { desc, eq } from "drizzle-orm";
import { users } from "@/drizzle/schema/auth";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { formatMinor } from "@/lib/platform/money/convert";
import { exchangesOf } from "@/lib/integrations/providers/provider-exchange";
import { refundRowAnchor } from "@/lib/domain/refunds/refund-anchor";
import { refundReasonLabels } from "@/lib/domain/refunds/refund-input";
import type { Sortable, TimelineRefund } from "./timeline";
import { refundEventSentence } from "./timeline-wording";

/** A refund of this payment as the timeline names it: a link label, and the words inside a sentence. */
interface NamedRefund {
  ref: TimelineRefund;
  /** "the refund of HK$50.00" (with its short id when the amount alone is ambiguous). */
  named: string;
}

export interface RefundEntries {
  sortables: Sortable[];
  /** This payment's refunds by id. */
  refunds: Map<string, NamedRefund & { providerRefundId: string | null }>;
  /** Refund ids by the provider event id of the webhook that moved them. */
  byWebhookEventId: Map<string, string>;
}

/** Refund ids are UUIDs; the first block is enough to tell two of one payment apart. */
const shortIdOf = (id: string) => id.slice(0, 8);

function nameRefunds(
  rows: { id: string; amountMinor: bigint; currency: string; providerRefundId: string | null }[],
): RefundEntries["refunds"] {
  const amounts = rows.map((r) => formatMinor(r.amountMinor, r.currency));
  return new Map(
    rows.map((row, i) => {
      const amount = amounts[i] ?? "";
      const shared = amounts.filter((a) => a === amount).length > 1;
      const suffix = shared ? ` (${shortIdOf(row.id)})` : "";
      return [
        row.id,
        {
          ref: { id: row.id, label: `Refund of ${amount}${suffix}`, href: `#${refundRowAnchor(row.id)}` },
          named: `the refund of ${amount}${suffix}`,
          providerRefundId: row.providerRefundId,
        },
      ];
    }),
  );
}

const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);

/** The stored facts worth a line under a refund event's sentence: reason, note, why it needs a person, the provider's words. */
export function refundEventDetailLine(kind: string, detail: Record<string, unknown> | null): string | null {
  if (!detail) return null;
  const reason = text(detail.reason);
  const parts = [
    kind === "created" && reason
      ? `Reason: ${refundReasonLabels[reason as keyof typeof refundReasonLabels] ?? reason}.`
      : null,
    kind === "rejected_by_checker" && reason ? `Reason: ${reason}` : null,
    text(detail.note) && `Note: ${text(detail.note)}`,
    text(detail.attention),
    text(detail.responseSummary) && `The provider says: ${text(detail.responseSummary)}`,
    text(detail.error) ?? text(detail.message),
  ].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(" ") : null;
}

/** What is left of a refund event's detail once its line and its calls are shown: offered as the raw payload. */
function rawDetailOf(detail: Record<string, unknown> | null): string | null {
  if (!detail) return null;
  const rest = Object.fromEntries(Object.entries(detail).filter(([key]) => key !== "apiCalls"));
  return Object.keys(rest).length ? JSON.stringify(rest, null, 2) : null;
}

/**
 * The events of every refund of this payment, newest first, `rows` at most (refund_events by
 * the refunds_payment_idx and refund_events_refund_idx indexes), as timeline entries.
 */
export async function loadRefundEntries(db: DbOrTx, paymentId: string, rows: number): Promise<RefundEntries> {
  const refundRows = await db
    .select({
      id: refunds.id,
      amountMinor: refunds.amountMinor,
      currency: refunds.currency,
      providerRefundId: refunds.providerRefundId,
      createdAt: refunds.createdAt,
    })
    .from(refunds)
    .where(eq(refunds.paymentId, paymentId))
    .orderBy(refunds.createdAt, refunds.id);
  const named = nameRefunds(refundRows);
  if (refundRows.length === 0) return { sortables: [], refunds: named, byWebhookEventId: new Map() };
  const events = await db
    .select({
      id: refundEvents.id,
      refundId: refundEvents.refundId,
      provider: refunds.provider,
      at: refundEvents.at,
      source: refundEvents.source,
      kind: refundEvents.kind,
      fromStatus: refundEvents.fromStatus,
      toStatus: refundEvents.toStatus,
      detail: refundEvents.detail,
      actorEmail: users.email,
      actorName: users.name,
    })
    .from(refundEvents)
    .innerJoin(refunds, eq(refunds.id, refundEvents.refundId))
    .leftJoin(users, eq(users.id, refundEvents.actorUserId))
    .where(eq(refunds.paymentId, paymentId))
    .orderBy(desc(refundEvents.at), desc(refundEvents.id))
    .limit(rows);

  const byWebhookEventId = new Map<string, string>();
  const sortables = events.map((row): Sortable => {
    const refund = named.get(row.refundId);
    const eventId = text(row.detail?.eventId);
    if (row.source === "provider_webhook" && eventId) byWebhookEventId.set(eventId, row.refundId);
    const actor =
      row.actorEmail !== null && row.actorName !== null ? { email: row.actorEmail, name: row.actorName } : null;
    const unanswered = text(row.detail?.error) !== null;
    return {
      origin: "refund_event",
      id: row.id,
      entry: {
        key: `refund-event-${row.id}`,
        at: row.at,
        source: row.source,
        title: refundEventSentence({
          kind: row.kind,
          provider: row.provider,
          actor: actor?.name ?? null,
          refund: refund?.named ?? "a refund",
          fromStatus: row.fromStatus,
          toStatus: row.toStatus,
          unanswered,
        }),
        status: row.toStatus ? { of: "refund", from: row.fromStatus, to: row.toStatus } : null,
        actor,
        detail: refundEventDetailLine(row.kind, row.detail),
        rawPayload: rawDetailOf(row.detail),
        webhook: null,
        refund: refund?.ref ?? null,
        apiCalls: exchangesOf(row.detail),
      },
    };
  });
  return { sortables, refunds: named, byWebhookEventId };
}

/** The action id a Checkout.com refund webhook names (data.action_id), if its stored body says one. */
function actionIdOf(rawBody: string): string | null {
  try {
    const parsed: unknown = JSON.parse(rawBody);
    const data = typeof parsed === "object" && parsed !== null ? (parsed as { data?: unknown }).data : undefined;
    return typeof data === "object" && data !== null ? text((data as { action_id?: unknown }).action_id) : null;
  } catch {
    return null;
  }
}

/** Which of this payment's refunds a webhook delivery was about: by the event that moved it, else by the action id in its body. */
export function refundOfReceipt(
  entries: RefundEntries,
  receipt: { eventId: string | null; rawBody: string },
): NamedRefund | null {
  if (entries.refunds.size === 0) return null;
  const moved = receipt.eventId ? entries.byWebhookEventId.get(receipt.eventId) : undefined;
  if (moved) return entries.refunds.get(moved) ?? null;
  const actionId = actionIdOf(receipt.rawBody);
  if (!actionId) return null;
  for (const refund of entries.refunds.values()) if (refund.providerRefundId === actionId) return refund;
  return null;
}
