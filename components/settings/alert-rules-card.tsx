import { Card } from "@/components/ui/card";
import { DataTable } from "@/components/ui/data-table";
import { roles } from "@/drizzle/schema/auth";
import { roleLabels } from "@/lib/domain/auth/permissions";
import type { AlertRuleRow } from "@/lib/domain/alerts/rules/alert-rule-rows";
import { AlertRuleForm } from "./alert-rule-form";

/** The Alerts card: one row per rule, each saved on its own (step-up, audited). */
export function AlertRulesCard({ rules }: { rules: AlertRuleRow[] }) {
  return (
    <Card title="Alerts" className="mt-6">
      <p className="mb-3 text-sm text-zinc-600 dark:text-zinc-400">
        Each rule tells the teams ticked; a team that may not open what a rule is about has no box. Notifications in the
        app arrive at once; email and webhooks follow the delivery chosen.
      </p>
      <DataTable
        caption="Alert rules, the teams each one tells, its threshold and its delivery"
        columns={["Rule", ...roles.map((role) => roleLabels[role]), "Threshold", "Delivery", "Save"]}
      >
        {rules.map((rule) => (
          <AlertRuleForm key={rule.rule} row={rule} />
        ))}
      </DataTable>
    </Card>
  );
}
