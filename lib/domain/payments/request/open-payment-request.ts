import { randomBytes } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { paymentEvents, payments } from "@/drizzle/schema/payments";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { uniqueViolationOf } from "@/lib/platform/db/errors";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { paymentProviderFor } from "@/lib/integrations/providers/registry";
import { providerOf, type RequestPaymentInput } from "./request-payment-input";

export type PaymentRow = typeof payments.$inferSelect;

/** PAY-20261121-7F3K9QXM: readable, sortable by day, unique enough to be a shop_transaction_id. */
export function generatePaymentReference(now: Date): string {
  const day = now.toISOString().slice(0, 10).replaceAll("-", "");
  return `PAY-${day}-${randomBytes(5).toString("hex").toUpperCase()}`;
}

function sameRequest(row: PaymentRow, input: RequestPaymentInput): boolean {
  return (
    row.flow === input.method &&
    row.amountMinor === input.amountMinor &&
    row.currency === input.currency &&
    (input.reference === undefined || row.reference === input.reference)
  );
}

const referenceTaken = (label: string) =>
  new AppError("VALIDATION_FAILED", `Check the form: Reference is already used by another ${label} payment.`, {
    fieldErrors: { reference: [`is already used by another ${label} payment`] },
  });

export type OpenedRequest = { kind: "opened"; payment: PaymentRow } | { kind: "replay"; payment: PaymentRow };

/**
 * Step one of requesting a payment: our row (status "requested") and its idempotency key are
 * committed before any provider is called, with the staff event and the audit entry. A second
 * submission of the same form finds the first row through the unique key and is a replay.
 */
export async function openPaymentRequest(
  db: Database,
  actor: AuditActor,
  input: RequestPaymentInput,
  now = new Date(),
): Promise<OpenedRequest> {
  const provider = providerOf(input.method);
  const adapter = paymentProviderFor(provider);
  const reference = input.reference ?? generatePaymentReference(now);
  try {
    const payment = await db.transaction(async (tx) => {
      if (adapter.referenceIdentifiesPayment) {
        // The provider knows a payment only by our reference (OCTO's shop_transaction_id): reusing
        // one would silently return the other payment, so it is refused here.
        const [taken] = await tx
          .select({ id: payments.id })
          .from(payments)
          .where(and(eq(payments.provider, provider), eq(payments.reference, reference)))
          .limit(1);
        if (taken) throw referenceTaken(adapter.label);
      }
      const [row] = await tx
        .insert(payments)
        .values({
          provider,
          flow: input.method,
          status: "requested",
          reference,
          idempotencyKey: input.idempotencyKey,
          amountMinor: input.amountMinor,
          currency: input.currency,
          description: input.description ?? null,
          customerEmail: input.customerEmail ?? null,
          customerName: input.customerName ?? null,
          createdBy: actor.userId,
          createdAt: now,
          updatedAt: now,
          statusChangedAt: now,
        })
        .returning();
      if (!row) throw new Error("payment insert returned no row");
      await tx.insert(paymentEvents).values({
        paymentId: row.id,
        at: now,
        source: "staff",
        kind: "requested",
        actorUserId: actor.userId,
        toStatus: "requested",
        detail: { flow: input.method, amountMinor: input.amountMinor.toString(), currency: input.currency, reference },
      });
      await recordAudit(tx, actor, {
        action: "payment.requested",
        targetType: "payment",
        targetId: row.id,
        after: { flow: input.method, amountMinor: input.amountMinor.toString(), currency: input.currency, reference },
      });
      return row;
    });
    return { kind: "opened", payment };
  } catch (error) {
    const constraint = uniqueViolationOf(error);
    // The index guarantees what the check above tells early, also for two requests at once.
    if (constraint === "payments_octo_reference_unique") throw referenceTaken(adapter.label);
    if (constraint !== "payments_idempotency_key_unique") throw error;
    const [existing] = await db
      .select()
      .from(payments)
      .where(and(eq(payments.provider, provider), eq(payments.idempotencyKey, input.idempotencyKey)))
      .limit(1);
    if (!existing) throw error;
    if (!sameRequest(existing, input)) {
      throw new AppError(
        "CONFLICT",
        "This form was already submitted with other values. Reload the page to request a new payment.",
      );
    }
    return { kind: "replay", payment: existing };
  }
}
