import { asc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { users } from "@/drizzle/schema/auth";
import { refundFollowUps } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { isMoneyNotDelivered, type RefundStatus } from "../refund-status";

/** One recorded follow-up, JSON-safe (the payment page's live poll carries it). */
export interface FollowUpView {
  id: string;
  at: string;
  actorEmail: string | null;
  note: string;
  task: string;
  assigneeEmail: string | null;
  state: "open" | "done";
}

/** Each refund's follow-ups, oldest first. */
export async function loadFollowUps(db: DbOrTx, refundIds: readonly string[]): Promise<Map<string, FollowUpView[]>> {
  const byRefund = new Map<string, FollowUpView[]>();
  if (refundIds.length === 0) return byRefund;
  const actor = alias(users, "actor");
  const assignee = alias(users, "assignee");
  const rows = await db
    .select({ followUp: refundFollowUps, actorEmail: actor.email, assigneeEmail: assignee.email })
    .from(refundFollowUps)
    .leftJoin(actor, eq(actor.id, refundFollowUps.actorUserId))
    .leftJoin(assignee, eq(assignee.id, refundFollowUps.assigneeUserId))
    .where(inArray(refundFollowUps.refundId, [...refundIds]))
    .orderBy(asc(refundFollowUps.id));
  for (const { followUp, actorEmail, assigneeEmail } of rows) {
    const list = byRefund.get(followUp.refundId) ?? [];
    list.push({
      id: followUp.id.toString(),
      at: followUp.at.toISOString(),
      actorEmail,
      note: followUp.note,
      task: followUp.task,
      assigneeEmail,
      state: followUp.state,
    });
    byRefund.set(followUp.refundId, list);
  }
  return byRefund;
}

/**
 * The money never reached the customer (or came back to the merchant) and nobody has recorded
 * that it was refunded another way: shown as "Action needed" until a follow-up is marked done.
 */
export function isActionNeeded(status: RefundStatus, followUps: readonly Pick<FollowUpView, "state">[]): boolean {
  return isMoneyNotDelivered(status) && followUps.at(-1)?.state !== "done";
}
