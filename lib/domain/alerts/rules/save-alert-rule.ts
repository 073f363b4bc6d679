import { eq } from "drizzle-orm";
import { alertRuleSettings, alertRuleTeams } from "@/drizzle/schema/alert-rules";
import { recordAudit, type AuditActor } from "@/lib/domain/audit/record-audit";
import type { Database } from "@/lib/platform/db/types";
import { rolesWith } from "../alert-audience";
import { alertRuleEntry } from "./alert-rule-catalogue";
import type { SetAlertRuleInput } from "./alert-rule-input";
import { loadAlertRuleSettings, type EffectiveAlertRule } from "./alert-rule-settings";

/**
 * Saves one rule's teams, threshold and delivery with its audit row (before and after, as the
 * rule then acts), in one transaction. The rule's settings row is locked first, so two admins
 * saving the same rule at once are applied one after the other and each audit row is true.
 */
export async function saveAlertRule(
  db: Database,
  actor: AuditActor,
  input: SetAlertRuleInput,
  now = new Date(),
): Promise<EffectiveAlertRule> {
  const entry = alertRuleEntry(input.rule);
  if (!entry) throw new Error(`no catalogue entry for the alert rule "${input.rule}"`);
  return db.transaction(async (tx) => {
    await tx.insert(alertRuleSettings).values({ rule: input.rule }).onConflictDoNothing();
    await tx.select().from(alertRuleSettings).where(eq(alertRuleSettings.rule, input.rule)).for("update");
    const before = (await loadAlertRuleSettings(tx))(input.rule);
    await tx
      .update(alertRuleSettings)
      .set({
        threshold: entry.threshold ? input.threshold : null,
        delivery: input.delivery,
        updatedBy: actor.userId,
        updatedAt: now,
      })
      .where(eq(alertRuleSettings.rule, input.rule));
    for (const team of rolesWith(entry.permission)) {
      const enabled = input.teams.includes(team);
      await tx
        .insert(alertRuleTeams)
        .values({ rule: input.rule, team, enabled, updatedBy: actor.userId, updatedAt: now })
        .onConflictDoUpdate({
          target: [alertRuleTeams.rule, alertRuleTeams.team],
          set: { enabled, updatedBy: actor.userId, updatedAt: now },
        });
    }
    const after = (await loadAlertRuleSettings(tx))(input.rule);
    await recordAudit(tx, actor, {
      action: "alert_rule.set",
      targetType: "alert_rule",
      targetId: input.rule,
      before: { ...before },
      after: { ...after },
    });
    return after;
  });
}
