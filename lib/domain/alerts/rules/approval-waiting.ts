import { and, asc, eq, lt, sql } from "drizzle-orm";
import { refunds } from "@/drizzle/schema/refunds";
import type { DbOrTx } from "@/lib/platform/db/types";
import { formatMinor } from "@/lib/platform/money/convert";
import { durationWords } from "./duration-words";
import { notRaisedYet, raiseAlert, type OutboxAlert } from "./outbox-alert";

export interface WaitingApproval {
  id: string;
  amountMinor: bigint;
  currency: string;
  statusChangedAt: Date;
}

const hourMs = 3_600_000;

/** The alert for a refund that has waited longer than the admin's threshold for a second person. */
export function approvalWaitingAlert(refund: WaitingApproval, now: Date): OutboxAlert {
  const waited = durationWords(now.getTime() - refund.statusChangedAt.getTime());
  return {
    rule: "approval_waiting",
    dedupeKey: `approval_waiting:${refund.id}`,
    subjectType: "refund",
    subjectId: refund.id,
    title: `A refund of ${formatMinor(refund.amountMinor, refund.currency)} has waited ${waited} for a second person's approval.`,
    body: "Someone other than its requester approves or rejects it in the approvals queue on the Refunds page.",
    href: "/refunds?status=awaiting_approval",
  };
}

const perPass = 200;

/** Refunds awaiting approval for longer than `thresholdHours`, oldest first, each raised once. */
export async function raiseWaitingApprovals(db: DbOrTx, thresholdHours: number, now: Date): Promise<number> {
  const waiting = await db
    .select({
      id: refunds.id,
      amountMinor: refunds.amountMinor,
      currency: refunds.currency,
      statusChangedAt: refunds.statusChangedAt,
    })
    .from(refunds)
    .where(
      and(
        eq(refunds.status, "awaiting_approval"),
        lt(refunds.statusChangedAt, new Date(now.getTime() - thresholdHours * hourMs)),
        notRaisedYet(sql`'approval_waiting:' || ${refunds.id}`),
      ),
    )
    .orderBy(asc(refunds.statusChangedAt))
    .limit(perPass);
  for (const refund of waiting) await raiseAlert(db, approvalWaitingAlert(refund, now));
  return waiting.length;
}
