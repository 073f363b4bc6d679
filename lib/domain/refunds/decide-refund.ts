import { eq } from "drizzle-orm";
import { payments } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Transaction } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { checkRefundRules } from "./refund-rules";
import { sendRefund, type RefundDeps } from "./send-refund";
import { transitionRefund, type RefundRow } from "./transition-refund";

async function lockAwaiting(tx: Transaction, refundId: string, actor: AuditActor) {
  // Payment first, then refund: the lock order every refund change uses.
  const [row] = await tx.select({ paymentId: refunds.paymentId }).from(refunds).where(eq(refunds.id, refundId));
  if (!row) throw new AppError("NOT_FOUND", "No such refund.");
  const [payment] = await tx.select().from(payments).where(eq(payments.id, row.paymentId)).for("update");
  const [refund] = await tx.select().from(refunds).where(eq(refunds.id, refundId)).for("update");
  if (!payment || !refund) throw new AppError("NOT_FOUND", "No such refund.");
  if (refund.status !== "awaiting_approval")
    throw new AppError(
      "CONFLICT",
      `This refund is no longer awaiting approval (it is ${refund.status.replaceAll("_", " ")}).`,
    );
  if (actor.userId === null || refund.requestedBy === actor.userId) {
    throw new AppError(
      "FORBIDDEN",
      "A refund must be approved or rejected by someone other than the person who requested it.",
    );
  }
  return { payment, refund };
}

/**
 * Maker-checker: a second finance or admin user approves a refund above the threshold. The
 * amount is re-checked against what is refundable now (other refunds may have happened since),
 * the reservation is taken, and the refund is sent with its original key.
 */
export async function approveRefund(
  deps: RefundDeps,
  actor: AuditActor,
  refundId: string,
  note?: string,
): Promise<RefundRow> {
  const providerNow = await deps.providerNow();
  const approved = await deps.db.transaction(async (tx) => {
    const { payment, refund } = await lockAwaiting(tx, refundId, actor);
    const violations = checkRefundRules(payment, refund.amountMinor, { sandboxTriggers: deps.sandboxTriggers });
    if (violations.length)
      throw new AppError(
        "CONFLICT",
        `This refund can no longer be approved: ${violations.map((v) => v.message).join("; ")}. Reject it instead.`,
      );
    const now = deps.now();
    await transitionRefund(
      tx,
      refundId,
      "requested",
      { decidedBy: actor.userId ?? undefined, providerRequestedAt: providerNow, ...(note && { decisionNote: note }) },
      {
        source: "staff",
        kind: "approved_by_checker",
        at: now,
        actorUserId: actor.userId,
        detail: note ? { note } : undefined,
      },
    );
    await recordAudit(tx, actor, {
      action: "refund.approved",
      targetType: "refund",
      targetId: refundId,
      after: { amountMinor: refund.amountMinor.toString(), currency: refund.currency, note: note ?? null },
    });
    const [row] = await tx.select().from(refunds).where(eq(refunds.id, refundId));
    if (!row) throw new Error(`refund ${refundId} vanished`);
    return row;
  });
  return sendRefund(deps, approved);
}

/** The checker refuses: the refund ends as rejected with the reason; nothing was reserved or sent. */
export async function rejectRefund(
  deps: RefundDeps,
  actor: AuditActor,
  refundId: string,
  reason: string,
): Promise<void> {
  await deps.db.transaction(async (tx) => {
    await lockAwaiting(tx, refundId, actor);
    await transitionRefund(
      tx,
      refundId,
      "rejected",
      { decidedBy: actor.userId ?? undefined, decisionNote: reason },
      { source: "staff", kind: "rejected_by_checker", at: deps.now(), actorUserId: actor.userId, detail: { reason } },
    );
    await recordAudit(tx, actor, {
      action: "refund.rejected",
      targetType: "refund",
      targetId: refundId,
      after: { reason },
    });
  });
}
