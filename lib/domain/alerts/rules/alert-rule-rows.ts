import type { Role } from "@/lib/domain/auth/permissions";
import type { DbOrTx } from "@/lib/platform/db/types";
import { rolesWith } from "../alert-audience";
import { alertRuleCatalogue, type AlertRuleName, type AlertRuleThreshold } from "./alert-rule-catalogue";
import { loadAlertRuleSettings, type AlertDeliveryMode } from "./alert-rule-settings";

/** One rule as the Settings card shows it. */
export interface AlertRuleRow {
  rule: AlertRuleName;
  label: string;
  /** The teams that may see what it is about: the only ones it can be switched on for. */
  audience: Role[];
  /** Of them, those it is on for now. */
  enabled: Role[];
  threshold: (AlertRuleThreshold & { value: number }) | null;
  delivery: AlertDeliveryMode;
}

/** Every rule of the catalogue, in its order, with what an admin set or its defaults. */
export async function listAlertRules(db: DbOrTx): Promise<AlertRuleRow[]> {
  const settings = await loadAlertRuleSettings(db);
  return alertRuleCatalogue.map((entry): AlertRuleRow => {
    const current = settings(entry.rule);
    const threshold = "threshold" in entry ? entry.threshold : undefined;
    return {
      rule: entry.rule,
      label: entry.label,
      audience: rolesWith(entry.permission),
      enabled: current.teams,
      threshold: threshold ? { ...threshold, value: current.threshold ?? threshold.defaultValue } : null,
      delivery: current.delivery,
    };
  });
}
