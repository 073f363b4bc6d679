import { eq } from "drizzle-orm";
import { z } from "zod";
import { orders } from "@/drizzle/schema/orders";
import { uniqueViolationOf } from "@/lib/platform/db/errors";
import type { Database } from "@/lib/platform/db/types";
import { fetchProviderOrder } from "@/lib/domain/orders/fetch-provider-order";
import type { OrderDeps } from "@/lib/domain/orders/place-order";
import { applyProviderOrder, observeProviderOrder } from "@/lib/domain/orders/record-provider-order";
import type { OrderRow } from "@/lib/domain/orders/transition-order";
import { verifyOctopusCardsWebhook } from "@/lib/integrations/providers/octopus-cards/webhook-signature";
import {
  recordDuplicateReceipt,
  recordReceipt,
  wasEventSeen,
  type SignatureVerdict,
  type WebhookOutcome,
} from "@/lib/domain/webhooks/receipts";

export interface OctopusCardsDelivery {
  rawBody: string;
  signature: string | null;
  timestamp: string | null;
  /** X-Event-ID: the dedupe key. */
  eventId: string | null;
  /** Headers kept with the receipt (never cookies or authorization). */
  headers: Record<string, string>;
}

export interface ReceiveResult {
  httpStatus: number;
  outcome: WebhookOutcome;
  detail?: string;
}

const provider = "octopus-cards";

const eventSchema = z.object({
  id: z.string().min(1),
  type: z.string().min(1),
  created_at: z.string().optional(),
  data: z.looseObject({ id: z.number().int().optional(), client_reference: z.string().nullable().optional() }),
});

/** Our order named by an order.* event: by client_reference (unique), else by a provider order id only one of our orders has. */
async function ourOrderOf(
  db: Database,
  data: { id?: number; client_reference?: string | null },
): Promise<OrderRow | undefined> {
  if (data.client_reference) {
    const [byReference] = await db.select().from(orders).where(eq(orders.clientReference, data.client_reference));
    if (byReference) return byReference;
  }
  if (data.id === undefined) return undefined;
  const byProviderId = await db.select().from(orders).where(eq(orders.providerOrderId, data.id)).limit(2);
  return byProviderId.length === 1 ? byProviderId[0] : undefined;
}

/**
 * One Octopus Cards webhook delivery (providers.md §3.11). X-Signature (HMAC of the raw body)
 * and X-Timestamp are checked before anything else; every delivery leaves a receipt; the first
 * valid delivery of an X-Event-ID is applied in the same transaction as its receipt, later ones
 * are duplicates. order.* events are never trusted as such: the order is fetched again from the
 * provider and recorded through the order state machine, so late or out-of-order events cannot
 * move an order backwards. wallet.* events change nothing (reconciliation compares the ledgers).
 */
export async function receiveOctopusCardsWebhook(
  deps: OrderDeps,
  delivery: OctopusCardsDelivery,
  secret: string,
): Promise<ReceiveResult> {
  const { db } = deps;
  const now = deps.now();
  const base = { provider, rawBody: delivery.rawBody, headers: delivery.headers, receivedAt: now };
  // X-Timestamp is stamped on the provider's clock: the sandbox clock in sandbox mode, real time live.
  const providerNow = deps.providerNow ? await deps.providerNow() : now;
  const verified = verifyOctopusCardsWebhook({
    rawBody: delivery.rawBody,
    signature: delivery.signature,
    timestamp: delivery.timestamp,
    secret,
    now: providerNow,
  });
  if (!verified.ok) {
    const signature: SignatureVerdict = verified.reason === "missing_signature" ? "missing" : "invalid";
    const detail = `signature ${verified.reason.replace(/_/g, " ")}`;
    await recordReceipt(db, {
      ...base,
      eventId: null,
      eventType: null,
      signature,
      outcome: "rejected",
      isFirst: false,
      detail,
    });
    return { httpStatus: 401, outcome: "rejected", detail };
  }
  let json: unknown;
  try {
    json = JSON.parse(delivery.rawBody);
  } catch {
    json = undefined;
  }
  const parsed = eventSchema.safeParse(json);
  const mismatch = parsed.success && delivery.eventId !== null && delivery.eventId !== parsed.data.id;
  if (!parsed.success || mismatch) {
    const detail =
      json === undefined
        ? "body is not JSON"
        : mismatch
          ? "X-Event-ID does not match the event id in the body"
          : `not an Octopus Cards event: ${parsed.error?.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`;
    await recordReceipt(db, {
      ...base,
      eventId: null,
      eventType: null,
      signature: "valid",
      outcome: "rejected",
      isFirst: false,
      detail,
    });
    return { httpStatus: 400, outcome: "rejected", detail };
  }
  const event = parsed.data;
  const eventBase = { ...base, eventId: event.id, eventType: event.type, signature: "valid" as const };
  const recordDuplicate = async (): Promise<ReceiveResult> => {
    await recordDuplicateReceipt(db, eventBase);
    return { httpStatus: 200, outcome: "duplicate" };
  };
  if (await wasEventSeen(db, provider, event.id)) return recordDuplicate();

  const claim = async (outcome: WebhookOutcome, detail: string): Promise<ReceiveResult> => {
    await recordReceipt(db, { ...eventBase, outcome, detail, isFirst: true });
    return { httpStatus: 200, outcome, detail };
  };
  try {
    if (!event.type.startsWith("order.")) {
      return await claim(
        "ignored",
        event.type.startsWith("wallet.")
          ? "wallet movements are compared by reconciliation, not booked from webhooks"
          : `${event.type} is not handled`,
      );
    }
    const order = await ourOrderOf(db, event.data);
    const providerOrderId = event.data.id ?? order?.providerOrderId ?? null;
    if (!order || providerOrderId === null) return await claim("ignored", "not an order of ours");
    // The event is a hint; the provider's current order (and a partial delivery's refund) is the
    // fact, read before the transaction opens: no connection is held across HTTP.
    const observation = await observeProviderOrder(
      deps.client,
      order,
      await fetchProviderOrder(deps.client, order, providerOrderId),
    );
    return await db.transaction(async (tx) => {
      const applied = await applyProviderOrder(tx, order, observation, {
        source: "provider_webhook",
        kind: event.type,
        at: deps.now(),
      });
      const outcome: WebhookOutcome =
        applied === "ignored" ? "ignored_out_of_order" : applied === "unmapped" ? "ignored" : "applied";
      const detail = `order ${order.id}: provider says ${observation.providerOrder.status} (${applied})`;
      await recordReceipt(tx, { ...eventBase, outcome, detail, isFirst: true });
      return { httpStatus: 200, outcome, detail };
    });
  } catch (error) {
    // A concurrent delivery of the same event claimed it first; ours changed nothing.
    if (uniqueViolationOf(error) === "webhook_receipts_first_unique") return recordDuplicate();
    throw error;
  }
}
