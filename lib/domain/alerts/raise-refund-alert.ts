import { paymentProviderLabelOrName } from "@/lib/integrations/providers/provider-labels";
import type { Transaction } from "@/lib/platform/db/types";
import { formatMinor } from "@/lib/platform/money/convert";
import { refundRowAnchor } from "@/lib/domain/refunds/refund-anchor";
import type { RefundStatus } from "@/lib/domain/refunds/refund-status";
import { raiseAlert } from "./rules/outbox-alert";

const rulesByStatus = {
  declined: "refund_declined",
  expired: "refund_expired",
  not_collected: "refund_not_collected",
  needs_attention: "refund_needs_attention",
} as const satisfies Partial<Record<RefundStatus, string>>;

export type RefundAlertRule = (typeof rulesByStatus)[keyof typeof rulesByStatus];

/** The alert rule a move to `status` raises, or null when the move needs nobody. */
export function refundAlertRule(status: RefundStatus): RefundAlertRule | null {
  return status in rulesByStatus ? rulesByStatus[status as keyof typeof rulesByStatus] : null;
}

export interface RefundAlertFacts {
  refundId: string;
  paymentId: string;
  provider: string;
  amountMinor: bigint;
  currency: string;
  /** Why we stopped on our own (needs attention only). */
  attentionReason?: string | null;
}

export interface RefundAlert {
  rule: RefundAlertRule;
  dedupeKey: string;
  subjectType: "refund";
  subjectId: string;
  title: string;
  body: string;
  href: string;
}

function sentences(rule: RefundAlertRule, refund: string, provider: string, reason: string | null) {
  const nextStep = "The payment's page says what to do next.";
  switch (rule) {
    case "refund_declined":
      return {
        title: `${refund} was declined by ${provider}.`,
        body: `The money did not reach the customer. ${nextStep}`,
      };
    case "refund_expired":
      return {
        title: `${refund} expired at ${provider}: the customer did not collect it.`,
        body: `The money went back to the merchant. ${nextStep}`,
      };
    case "refund_not_collected":
      return {
        title: `${refund} was not collected by the customer, ${provider} says.`,
        body: `The money did not reach the customer. ${nextStep}`,
      };
    case "refund_needs_attention":
      return {
        title: `${refund} at ${provider} needs a person's attention.`,
        body: reason ?? `We could not settle its outcome with ${provider} on our own. ${nextStep}`,
      };
  }
}

/** The alert as people read it: one sentence, what it means, and the refund's row on its payment's page. */
export function refundAlert(rule: RefundAlertRule, facts: RefundAlertFacts): RefundAlert {
  const refund = `A refund of ${formatMinor(facts.amountMinor, facts.currency)}`;
  const provider = paymentProviderLabelOrName(facts.provider);
  return {
    rule,
    dedupeKey: `${rule}:${facts.refundId}`,
    subjectType: "refund",
    subjectId: facts.refundId,
    ...sentences(rule, refund, provider, facts.attentionReason ?? null),
    href: `/payments/${facts.paymentId}#${refundRowAnchor(facts.refundId)}`,
  };
}

/**
 * Writes the alert a refund's move to `to` raises into the outbox, inside the transaction that
 * moves it: a rolled back move raises nothing. Raising the same rule for the same refund again
 * (it can come back to needs attention) is a no-op.
 */
export async function raiseRefundAlert(tx: Transaction, to: RefundStatus, facts: RefundAlertFacts): Promise<void> {
  const rule = refundAlertRule(to);
  if (!rule) return;
  await raiseAlert(tx, refundAlert(rule, facts));
}
