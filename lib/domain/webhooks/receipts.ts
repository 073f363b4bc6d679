import { uniqueViolationOf } from "@/lib/platform/db/errors";
import { and, eq } from "drizzle-orm";
import { webhookReceipts, type webhookOutcomes, type webhookSignatureVerdicts } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/platform/db/types";
import { createHash } from "node:crypto";
import { redactBody } from "@/lib/platform/security/redact";
import { countRejection } from "./rejection-budget";

export type WebhookOutcome = (typeof webhookOutcomes)[number];
export type SignatureVerdict = (typeof webhookSignatureVerdicts)[number];

/** Bodies of refused deliveries are kept only up to this size: enough to diagnose, not a dump. */
const rejectedBodyLimit = 1024;

export interface ReceiptInput {
  provider: string;
  eventId: string | null;
  eventType: string | null;
  signature: SignatureVerdict;
  outcome: WebhookOutcome;
  isFirst: boolean;
  paymentId?: string | null;
  rawBody: string;
  headers: Record<string, string>;
  detail?: string | null;
  receivedAt: Date;
}

/**
 * Postgres text cannot hold NUL characters. Anyone can send one (raw, or as \u0000 inside a JSON
 * string), and the delivery must still leave its receipt rather than fail with a 500.
 */
function storable<T extends string | null>(text: T): T {
  return (text === null ? null : text.replaceAll("\u0000", "\uFFFD")) as T;
}

/** Refused before the sender was authenticated: anyone can send these, as many as they like. */
const isUnauthenticatedRejection = (input: ReceiptInput) => input.outcome === "rejected" && input.signature !== "valid";

/**
 * Stores one delivery's receipt: its body with every secret value redacted (the signature was
 * verified on the raw body before this), the SHA-256 of the raw body, and for unauthenticated
 * rejections only a sample (rejection-budget.ts). Returns null when the delivery was only counted.
 */
export async function recordReceipt(db: DbOrTx, input: ReceiptInput): Promise<bigint | null> {
  if (isUnauthenticatedRejection(input) && !(await countRejection(db, input.provider, input.receivedAt)).sampled)
    return null;
  // Redacted before it is cut short, so a secret cannot survive by straddling the cut.
  const redacted = redactBody(input.rawBody);
  const rawBody = input.outcome === "rejected" ? redacted.slice(0, rejectedBodyLimit) : redacted;
  const [row] = await db
    .insert(webhookReceipts)
    .values({
      ...input,
      eventId: storable(input.eventId),
      eventType: storable(input.eventType),
      paymentId: input.paymentId ?? null,
      detail: storable(input.detail ?? null),
      rawBody: storable(rawBody),
      rawBodySha256: createHash("sha256").update(input.rawBody, "utf8").digest("hex"),
    })
    .returning({ id: webhookReceipts.id });
  if (!row) throw new Error("webhook receipt insert returned no row");
  return row.id;
}

/** A delivery refused before it named an event (bad signature, unreadable body): its receipt says why. */
export function recordRejectedReceipt(
  db: DbOrTx,
  input: Omit<ReceiptInput, "eventId" | "eventType" | "outcome" | "isFirst" | "detail">,
  detail: string,
): Promise<bigint | null> {
  return recordReceipt(db, { ...input, eventId: null, eventType: null, outcome: "rejected", isFirst: false, detail });
}

/**
 * A later delivery of an event already claimed: recorded against the same payment as the first
 * one, so the payment's timeline shows every delivery the provider made.
 */
export async function recordDuplicateReceipt(
  db: DbOrTx,
  input: Omit<ReceiptInput, "outcome" | "isFirst" | "paymentId"> & { eventId: string },
): Promise<void> {
  const [first] = await db
    .select({ paymentId: webhookReceipts.paymentId })
    .from(webhookReceipts)
    .where(
      and(
        eq(webhookReceipts.provider, input.provider),
        eq(webhookReceipts.eventId, input.eventId),
        eq(webhookReceipts.isFirst, true),
      ),
    )
    .limit(1);
  await recordReceipt(db, { ...input, outcome: "duplicate", isFirst: false, paymentId: first?.paymentId ?? null });
}

export async function wasEventSeen(db: DbOrTx, provider: string, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookReceipts.id })
    .from(webhookReceipts)
    .where(
      and(
        eq(webhookReceipts.provider, provider),
        eq(webhookReceipts.eventId, eventId),
        eq(webhookReceipts.isFirst, true),
      ),
    )
    .limit(1);
  return row !== undefined;
}

/** Headers worth keeping with a receipt (never cookies or authorization). */
export function keptHeaders(headers: Headers, names: readonly string[]): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const name of names) {
    const value = headers.get(name);
    if (value !== null) kept[name] = value.slice(0, 512);
  }
  return kept;
}

/**
 * Applies a delivery whose transaction records the event's first receipt. A concurrent delivery of
 * the same event that claimed it first makes ours a duplicate (it changed nothing); another event
 * that created the same payment concurrently means the payment exists now, so ours is applied once more.
 */
export async function applyFirstDelivery<T>(
  applyOnce: () => Promise<T>,
  recordDuplicate: () => Promise<T>,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await applyOnce();
    } catch (error) {
      const constraint = uniqueViolationOf(error);
      if (constraint === "webhook_receipts_first_unique") return recordDuplicate();
      if (constraint === "payments_provider_payment_id_unique" && attempt === 1) continue;
      throw error;
    }
  }
}
