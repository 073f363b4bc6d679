import { runEvery } from "@/lib/platform/background/every";
import type { Database } from "@/lib/platform/db/types";
import type { AlertRuleName } from "./alert-rule-catalogue";
import { loadAlertRuleSettings } from "./alert-rule-settings";
import { raiseWaitingApprovals } from "./approval-waiting";
import { raiseOverdueRefunds } from "./refund-overdue";
import { raiseLowWallets } from "./wallet-low";
import { raiseSignatureFailures } from "./webhook-signature-failures";

export const alertRuleEvaluationIntervalMs = 60_000;

/** The rules raised by looking at time and thresholds rather than by a change (those are raised in its transaction). */
const evaluated = {
  refund_overdue: (db, _threshold, now) => raiseOverdueRefunds(db, now),
  approval_waiting: (db, hours, now) => raiseWaitingApprovals(db, hours, now),
  wallet_low: (db, days, now) => raiseLowWallets(db, days, now),
  webhook_signature_failures: (db, count, now) => raiseSignatureFailures(db, count, now),
} satisfies Partial<Record<AlertRuleName, (db: Database, threshold: number, now: Date) => Promise<number>>>;

export type EvaluatedRule = keyof typeof evaluated;

/**
 * One pass: each rule switched on for at least one team looks for what it watches and raises
 * each finding once (short reads, then one insert per new alert; no network, no long
 * transaction). Safe on several instances: the outbox's dedupe key keeps every alert at one row.
 * Returns how many alerts each rule raised; a rule switched off for every team is not looked at.
 */
export async function evaluateAlertRules(db: Database, now: Date): Promise<Partial<Record<EvaluatedRule, number>>> {
  const settings = await loadAlertRuleSettings(db);
  const raised: Partial<Record<EvaluatedRule, number>> = {};
  for (const rule of Object.keys(evaluated) as EvaluatedRule[]) {
    const { teams, threshold } = settings(rule);
    if (teams.length === 0) continue;
    raised[rule] = await evaluated[rule](db, threshold ?? 0, now);
  }
  return raised;
}

/** A pass every minute in this process; several instances may run it (each alert is one outbox row). */
export function startAlertRuleEvaluation(db: () => Database, intervalMs = alertRuleEvaluationIntervalMs): () => void {
  return runEvery("alert-rule-evaluation", () => evaluateAlertRules(db(), new Date()), intervalMs);
}
