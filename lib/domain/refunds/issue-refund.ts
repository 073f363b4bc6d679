import type { PaymentProviderName } from "@/drizzle/schema/payments";
import { and, eq, sql } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { uniqueViolationOf } from "@/lib/platform/db/errors";
import type { Database, Transaction } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { isKnownCurrency } from "@/lib/platform/money/currency";
import { amountFieldError, amountFieldToMinor } from "@/lib/app/validation/amount-field";
import { approvalThresholdOf } from "./approval-thresholds";
import { checkRefundRules, refundableMinorOf, unknownCurrencyRefundRefusal } from "./refund-rules";
import type { IssueRefundInput } from "./refund-input";
import { sendRefund, type RefundDeps } from "./send-refund";
import type { RefundRow } from "./transition-refund";

export type IssueRefundOutcome =
  | { kind: "sent"; refund: RefundRow }
  | { kind: "awaiting_approval"; refund: RefundRow }
  /** The same dialog was submitted again: the first refund is shown, nothing is sent. */
  | { kind: "replay"; refund: RefundRow };

const amountError = (rule: string) => amountFieldError(rule, "refund");

function partialAmountMinor(input: IssueRefundInput, currency: string): bigint {
  return amountFieldToMinor(input.amount ?? "", currency, "refund");
}

async function findByKey(
  db: Database | Transaction,
  provider: PaymentProviderName,
  key: string,
): Promise<RefundRow | undefined> {
  const [row] = await db
    .select()
    .from(refunds)
    .where(and(eq(refunds.provider, provider), eq(refunds.idempotencyKey, key)));
  return row;
}

/**
 * Phase A of a refund (reliability-and-performance.md §1.7): under the payment's row lock,
 * re-check every provider rule against what is still refundable, then commit the refund row
 * with its idempotency key, the reservation of its amount and the audit entry, before any
 * provider is called. Refunds above the currency's threshold wait for a second person instead.
 */
async function openRefund(
  deps: RefundDeps,
  actor: AuditActor,
  input: IssueRefundInput,
): Promise<IssueRefundOutcome | { kind: "opened"; refund: RefundRow }> {
  const providerNow = await deps.providerNow();
  return deps.db.transaction(async (tx) => {
    const [payment] = await tx.select().from(payments).where(eq(payments.id, input.paymentId)).for("update");
    if (!payment) throw new AppError("NOT_FOUND", "No such payment.");
    const replay = await findByKey(tx, payment.provider, input.idempotencyKey);
    if (replay) {
      const samePartial =
        input.kind === "partial" && replay.amountMinor === partialAmountMinor(input, payment.currency);
      if (replay.paymentId !== payment.id || (input.kind === "partial" && !samePartial)) {
        throw new AppError(
          "CONFLICT",
          "This refund dialog was already submitted with other values. Reopen it to issue another refund.",
        );
      }
      return { kind: "replay", refund: replay };
    }
    if (!payment.providerPaymentId)
      throw new AppError("CONFLICT", "The provider has not confirmed this payment yet; it cannot be refunded.");
    if (!isKnownCurrency(payment.currency))
      throw new AppError("CONFLICT", unknownCurrencyRefundRefusal(payment.currency));
    const amountMinor =
      input.kind === "full" ? refundableMinorOf(payment) : partialAmountMinor(input, payment.currency);
    if (input.kind === "full" && amountMinor <= 0n) throw amountError("is zero: nothing is left to refund");
    const violations = checkRefundRules(payment, amountMinor, { sandboxTriggers: deps.sandboxTriggers });
    if (violations.length) {
      throw new AppError("VALIDATION_FAILED", `Refund refused: ${violations.map((v) => v.message).join("; ")}.`, {
        fieldErrors: { amount: violations.map((v) => v.message) },
      });
    }

    const threshold = await approvalThresholdOf(tx, payment.currency);
    const needsApproval = amountMinor > threshold;
    const now = deps.now();
    const [refund] = await tx
      .insert(refunds)
      .values({
        paymentId: payment.id,
        provider: payment.provider,
        status: needsApproval ? "awaiting_approval" : "requested",
        amountMinor,
        currency: payment.currency,
        reason: input.reason,
        note: input.note ?? null,
        idempotencyKey: input.idempotencyKey,
        requestedBy: actor.userId,
        createdAt: now,
        updatedAt: now,
        statusChangedAt: now,
        providerRequestedAt: needsApproval ? null : providerNow,
      })
      .returning();
    if (!refund) throw new Error("refund insert returned no row");
    if (!needsApproval) {
      await tx
        .update(payments)
        .set({ refundReservedMinor: sql`${payments.refundReservedMinor} + ${amountMinor}`, updatedAt: now })
        .where(eq(payments.id, payment.id));
    }
    const detail = {
      amountMinor: amountMinor.toString(),
      currency: payment.currency,
      kind: input.kind,
      reason: input.reason,
      thresholdMinor: threshold.toString(),
    };
    await tx.insert(refundEvents).values({
      refundId: refund.id,
      at: now,
      source: "staff",
      kind: "created",
      actorUserId: actor.userId,
      toStatus: refund.status,
      detail,
    });
    await recordAudit(tx, actor, {
      action: "refund.created",
      targetType: "refund",
      targetId: refund.id,
      after: { paymentId: payment.id, status: refund.status, ...detail },
    });
    return needsApproval ? { kind: "awaiting_approval", refund } : { kind: "opened", refund };
  });
}

/** Issue a full or partial refund exactly once: phase A (commit), phase B (provider), phase C (its answer). */
export async function issueRefund(
  deps: RefundDeps,
  actor: AuditActor,
  input: IssueRefundInput,
): Promise<IssueRefundOutcome> {
  let opened: Awaited<ReturnType<typeof openRefund>>;
  try {
    opened = await openRefund(deps, actor, input);
  } catch (error) {
    // Two submissions of one dialog raced past the lookup (different payments cannot share a key).
    if (uniqueViolationOf(error) !== "refunds_idempotency_key_unique") throw error;
    const [payment] = await deps.db
      .select({ provider: payments.provider })
      .from(payments)
      .where(eq(payments.id, input.paymentId));
    const existing = payment && (await findByKey(deps.db, payment.provider, input.idempotencyKey));
    if (!existing) throw error;
    return { kind: "replay", refund: existing };
  }
  if (opened.kind !== "opened") return opened;
  return { kind: "sent", refund: await sendRefund(deps, opened.refund) };
}
