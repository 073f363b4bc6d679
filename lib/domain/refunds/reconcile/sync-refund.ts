import { eq } from "drizzle-orm";
import { refundEvents, refunds } from "@/drizzle/schema/refunds";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import { AppError } from "@/lib/platform/errors";
import { isFinalRefundStatus, refundStatusLabels } from "../refund-status";
import type { RefundDeps } from "../send-refund";
import { checkRefund, type CheckResult } from "./check-refund";
import { leaseRefund } from "./lease-due-refunds";

/**
 * "Sync now": a staff member asks the provider about one refund at once. The request is a staff
 * event and an audit entry; the answer is recorded like any reconciler check (same rules: a
 * refund whose call may never have arrived is resent with its key, never a new one).
 */
export async function syncRefund(deps: RefundDeps, actor: AuditActor, refundId: string): Promise<CheckResult> {
  const [refund] = await deps.db.select().from(refunds).where(eq(refunds.id, refundId));
  if (!refund) throw new AppError("NOT_FOUND", "No such refund.");
  if (refund.status === "awaiting_approval")
    throw new AppError("CONFLICT", "This refund has not been sent to the provider yet: it is awaiting approval.");
  if (isFinalRefundStatus(refund.status))
    throw new AppError(
      "CONFLICT",
      `This refund is final (${refundStatusLabels[refund.status].toLowerCase()}); there is nothing to sync.`,
    );
  const now = deps.now();
  if (!(await leaseRefund(deps.db, refundId, now)))
    throw new AppError("CONFLICT", "This refund is being checked with the provider right now; try again in a moment.");
  await deps.db.transaction(async (tx) => {
    await tx.insert(refundEvents).values({
      refundId,
      at: now,
      source: "staff",
      kind: "sync_requested",
      actorUserId: actor.userId,
      fromStatus: refund.status,
      toStatus: refund.status,
    });
    await recordAudit(tx, actor, {
      action: "refund.sync_requested",
      targetType: "refund",
      targetId: refundId,
      before: { status: refund.status },
    });
  });
  try {
    return await checkRefund(deps, refundId, { now });
  } catch (error) {
    await deps.db.update(refunds).set({ leaseUntil: null }).where(eq(refunds.id, refundId));
    throw error;
  }
}
