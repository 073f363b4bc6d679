import { and, eq, isNull } from "drizzle-orm";
import { users } from "@/drizzle/schema/auth";
import { refundEvents, refundFollowUps, refunds } from "@/drizzle/schema/refunds";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { AppError } from "@/lib/platform/errors";
import { isMoneyNotDelivered, refundStatusLabels } from "../refund-status";
import type { RecordRefundFollowUpInput } from "./follow-up-input";

/**
 * A person records what was done about a refund whose money never reached the customer: the
 * follow-up row, an event on the refund's timeline and the audit entry commit together, under
 * the refund's row lock. Nothing is ever edited: a newer row (the task done, say) supersedes.
 */
export async function recordRefundFollowUp(
  db: Database,
  actor: AuditActor,
  input: RecordRefundFollowUpInput,
  now: Date,
): Promise<{ id: bigint }> {
  const actorUserId = actor.userId;
  if (actorUserId === null)
    throw new AppError("FORBIDDEN", "Only a signed-in person can record what was done about a refund.");
  return db.transaction(async (tx) => {
    const [refund] = await tx
      .select({ id: refunds.id, status: refunds.status })
      .from(refunds)
      .where(eq(refunds.id, input.refundId))
      .for("update");
    if (!refund) throw new AppError("NOT_FOUND", "No such refund.");
    if (!isMoneyNotDelivered(refund.status)) {
      throw new AppError(
        "CONFLICT",
        `This refund is ${refundStatusLabels[refund.status].toLowerCase()}; only a declined, expired or not collected refund needs a follow-up.`,
      );
    }
    let assigneeUserId: string | null = null;
    if (input.assigneeEmail) {
      const [assignee] = await tx
        .select({ id: users.id })
        .from(users)
        .where(and(eq(users.email, input.assigneeEmail.toLowerCase()), isNull(users.disabledAt)));
      if (!assignee)
        throw new AppError("VALIDATION_FAILED", "Assignee: no active user has this email address.", {
          fieldErrors: { assigneeEmail: ["no active user has this email address"] },
        });
      assigneeUserId = assignee.id;
    }
    const [row] = await tx
      .insert(refundFollowUps)
      .values({
        refundId: refund.id,
        at: now,
        actorUserId,
        note: input.note,
        task: input.task,
        assigneeUserId,
        state: input.state,
      })
      .returning({ id: refundFollowUps.id });
    if (!row) throw new Error("follow-up insert returned no row");
    const detail = { task: input.task, state: input.state, assigneeEmail: input.assigneeEmail ?? null };
    await tx.insert(refundEvents).values({
      refundId: refund.id,
      at: now,
      source: "staff",
      kind: input.state === "done" ? "follow_up_done" : "follow_up_opened",
      actorUserId,
      fromStatus: refund.status,
      toStatus: refund.status,
      detail,
    });
    await recordAudit(tx, actor, {
      action: "refund.follow_up_recorded",
      targetType: "refund",
      targetId: refund.id,
      after: { ...detail, note: input.note },
    });
    return row;
  });
}
