import { alertRuleSettings, alertRuleTeams } from "@/drizzle/schema/alert-rules";
import type { Role } from "@/lib/domain/auth/permissions";
import type { DbOrTx } from "@/lib/platform/db/types";
import { alertPermission, rolesWith } from "../alert-audience";
import { alertRuleEntry } from "./alert-rule-catalogue";

export const alertDeliveryModes = ["immediate", "hourly", "daily"] as const;
export type AlertDeliveryMode = (typeof alertDeliveryModes)[number];

export interface EffectiveAlertRule {
  /** Teams told about it: those whose role may see its subject, less those an admin switched off. */
  teams: Role[];
  /** The admin's threshold, or the catalogue's default; null for a rule without one. */
  threshold: number | null;
  /** How email and webhooks carry it; in-app notifications are always immediate. */
  delivery: AlertDeliveryMode;
}

export type AlertRuleSettingsView = (rule: string) => EffectiveAlertRule;

const isDeliveryMode = (value: string): value is AlertDeliveryMode =>
  (alertDeliveryModes as readonly string[]).includes(value);

/** Every rule's settings in two small reads; a rule or team without a row keeps its default (on, immediate). */
export async function loadAlertRuleSettings(db: DbOrTx): Promise<AlertRuleSettingsView> {
  const [settings, teams] = await Promise.all([db.select().from(alertRuleSettings), db.select().from(alertRuleTeams)]);
  const settingsByRule = new Map(settings.map((row) => [row.rule, row]));
  const switchedOff = new Set(teams.filter((row) => !row.enabled).map((row) => `${row.rule}:${row.team}`));
  return (rule) => {
    const setting = settingsByRule.get(rule);
    return {
      teams: rolesWith(alertPermission(rule)).filter((team) => !switchedOff.has(`${rule}:${team}`)),
      threshold: setting?.threshold ?? alertRuleEntry(rule)?.threshold?.defaultValue ?? null,
      delivery: setting && isDeliveryMode(setting.delivery) ? setting.delivery : "immediate",
    };
  };
}
