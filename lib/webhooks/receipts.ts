import { and, eq } from "drizzle-orm";
import { webhookReceipts, type webhookOutcomes, type webhookSignatureVerdicts } from "@/drizzle/schema/payments";
import type { DbOrTx } from "@/lib/db/types";

export type WebhookOutcome = (typeof webhookOutcomes)[number];
export type SignatureVerdict = (typeof webhookSignatureVerdicts)[number];

/** Bodies of refused deliveries are kept only up to this size: enough to diagnose, not a dump. */
const rejectedBodyLimit = 4096;

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

export async function recordReceipt(db: DbOrTx, input: ReceiptInput): Promise<bigint> {
  const rawBody = input.outcome === "rejected" ? input.rawBody.slice(0, rejectedBodyLimit) : input.rawBody;
  const [row] = await db
    .insert(webhookReceipts)
    .values({
      ...input,
      eventId: storable(input.eventId),
      eventType: storable(input.eventType),
      paymentId: input.paymentId ?? null,
      detail: storable(input.detail ?? null),
      rawBody: storable(rawBody),
    })
    .returning({ id: webhookReceipts.id });
  if (!row) throw new Error("webhook receipt insert returned no row");
  return row.id;
}

/**
 * A later delivery of an event already claimed: recorded against the same payment as the first
 * one, so the payment's timeline shows every delivery the provider made.
 */
export async function recordDuplicateReceipt(db: DbOrTx, input: Omit<ReceiptInput, "outcome" | "isFirst" | "paymentId"> & { eventId: string }): Promise<void> {
  const [first] = await db
    .select({ paymentId: webhookReceipts.paymentId })
    .from(webhookReceipts)
    .where(and(eq(webhookReceipts.provider, input.provider), eq(webhookReceipts.eventId, input.eventId), eq(webhookReceipts.isFirst, true)))
    .limit(1);
  await recordReceipt(db, { ...input, outcome: "duplicate", isFirst: false, paymentId: first?.paymentId ?? null });
}

export async function wasEventSeen(db: DbOrTx, provider: string, eventId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: webhookReceipts.id })
    .from(webhookReceipts)
    .where(and(eq(webhookReceipts.provider, provider), eq(webhookReceipts.eventId, eventId), eq(webhookReceipts.isFirst, true)))
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
