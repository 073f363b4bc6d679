import type { Permission } from "@/lib/domain/auth/permissions";

export interface AlertRuleThreshold {
  /** The unit the admin types the threshold in. */
  unit: "hours" | "days" | "count";
  defaultValue: number;
  min: number;
  max: number;
}

export interface AlertRuleEntry {
  rule: string;
  /** What the rule watches, as the Settings page lists it. */
  label: string;
  /** Who may be told: every team whose role may open what the alert links to. */
  permission: Permission;
  threshold?: AlertRuleThreshold;
}

/** Every rule the product can raise. Adding one here is what makes it configurable and deliverable. */
export const alertRuleCatalogue = [
  { rule: "refund_declined", label: "A refund was declined by its provider", permission: "refunds:read" },
  { rule: "refund_expired", label: "A refund expired uncollected", permission: "refunds:read" },
  { rule: "refund_not_collected", label: "A refund was not collected", permission: "refunds:read" },
  { rule: "refund_needs_attention", label: "A refund needs a person's attention", permission: "refunds:read" },
  {
    rule: "refund_overdue",
    label: "A refund is taking longer than its provider usually takes",
    permission: "refunds:read",
  },
  {
    rule: "approval_waiting",
    label: "A refund has waited for approval too long",
    // Only the people who can approve it are asked to.
    permission: "refunds:approve",
    threshold: { unit: "hours", defaultValue: 4, min: 1, max: 168 },
  },
  {
    rule: "wallet_low",
    label: "A wallet is below its low-balance threshold or about to run dry",
    permission: "wallet:read",
    threshold: { unit: "days", defaultValue: 7, min: 1, max: 90 },
  },
  {
    rule: "order_failed_not_fixable",
    label: "An order failed and editing it cannot fix it",
    permission: "orders:read",
  },
  {
    rule: "webhook_signature_failures",
    label: "Webhooks with a bad signature in 10 minutes",
    permission: "webhooks:read",
    threshold: { unit: "count", defaultValue: 10, min: 1, max: 100_000 },
  },
  {
    rule: "reconciliation_drift",
    label: "A payment sync found our ledger disagreeing with its provider",
    permission: "payments:read",
  },
] as const satisfies readonly AlertRuleEntry[];

export type AlertRuleName = (typeof alertRuleCatalogue)[number]["rule"];

const entries = new Map<string, AlertRuleEntry>(alertRuleCatalogue.map((entry) => [entry.rule, entry]));

/** The catalogue entry of a rule, or undefined for a rule this instance does not know (a newer instance raised it). */
export function alertRuleEntry(rule: string): AlertRuleEntry | undefined {
  return entries.get(rule);
}
