import { and, asc, eq, inArray, lt, or, sql } from "drizzle-orm";
import { paymentProviders, type PaymentProviderName } from "@/drizzle/schema/payments";
import { refunds } from "@/drizzle/schema/refunds";
import { paymentProviderLabelOrName } from "@/lib/integrations/providers/provider-labels";
import { paymentProviderProfileFor } from "@/lib/integrations/providers/provider-profiles";
import type { DbOrTx } from "@/lib/platform/db/types";
import { formatMinor } from "@/lib/platform/money/convert";
import { unknownOverdueAfterMs } from "@/lib/domain/refunds/monitor";
import { refundRowAnchor } from "@/lib/domain/refunds/refund-anchor";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { durationWords } from "./duration-words";
import { notRaisedYet, raiseAlert, type OutboxAlert } from "./outbox-alert";

export interface OverdueRefund {
  id: string;
  paymentId: string;
  provider: PaymentProviderName;
  status: RefundStatus;
  amountMinor: bigint;
  currency: string;
  statusChangedAt: Date;
}

/** The alert for a refund the monitor flags overdue: how long it has waited, against what its provider usually takes. */
export function refundOverdueAlert(refund: OverdueRefund, now: Date): OutboxAlert {
  const amount = `A refund of ${formatMinor(refund.amountMinor, refund.currency)}`;
  const provider = paymentProviderLabelOrName(refund.provider);
  const waited = durationWords(now.getTime() - refund.statusChangedAt.getTime());
  const usual = durationWords(paymentProviderProfileFor(refund.provider).refunds.pendingOverdueAfterMs);
  const sentences =
    refund.status === "unknown"
      ? {
          title: `${amount} at ${provider} has had no outcome we can trust for ${waited}.`,
          body: `We keep asking ${provider}; the payment's page shows its last answer.`,
        }
      : {
          title: `${amount} has waited ${waited} at ${provider}, longer than the ${usual} it usually takes.`,
          body: `The payment's page shows its last event; Sync now on the Refunds page asks ${provider} again.`,
        };
  return {
    rule: "refund_overdue",
    dedupeKey: `refund_overdue:${refund.id}`,
    subjectType: "refund",
    subjectId: refund.id,
    ...sentences,
    href: `/payments/${refund.paymentId}#${refundRowAnchor(refund.id)}`,
  };
}

/** Most raised per pass; the rest are raised by the next pass, a minute later. */
const perPass = 200;

/**
 * Refunds the monitor flags overdue (isOverdue in lib/domain/refunds/monitor.ts, in SQL): requested
 * or pending past their provider's own time, or unknown past five minutes; oldest first, each once.
 */
export async function raiseOverdueRefunds(db: DbOrTx, now: Date): Promise<number> {
  const before = (ms: number) => lt(refunds.statusChangedAt, new Date(now.getTime() - ms));
  const waitingTooLong = or(
    and(eq(refunds.status, "unknown"), before(unknownOverdueAfterMs)),
    ...paymentProviders.map((provider) =>
      and(
        eq(refunds.provider, provider),
        inArray(refunds.status, ["requested", "pending"]),
        before(paymentProviderProfileFor(provider).refunds.pendingOverdueAfterMs),
      ),
    ),
  );
  const overdue = await db
    .select({
      id: refunds.id,
      paymentId: refunds.paymentId,
      provider: refunds.provider,
      status: refunds.status,
      amountMinor: refunds.amountMinor,
      currency: refunds.currency,
      statusChangedAt: refunds.statusChangedAt,
    })
    .from(refunds)
    .where(and(waitingTooLong, notRaisedYet(sql`'refund_overdue:' || ${refunds.id}`)))
    .orderBy(asc(refunds.statusChangedAt))
    .limit(perPass);
  for (const refund of overdue) await raiseAlert(db, refundOverdueAlert(refund, now));
  return overdue.length;
}
