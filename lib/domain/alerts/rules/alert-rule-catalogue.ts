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
] as const satisfies readonly AlertRuleEntry[];

const entries = new Map<string, AlertRuleEntry>(alertRuleCatalogue.map((entry) => [entry.rule, entry]));

/** The catalogue entry of a rule, or undefined for a rule this instance does not know (a newer instance raised it). */
export function alertRuleEntry(rule: string): AlertRuleEntry | undefined {
  return entries.get(rule);
}
