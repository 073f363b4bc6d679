"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { inputClass, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { roles } from "@/drizzle/schema/auth";
import { setAlertRuleAction } from "@/lib/app/actions/alert-rules/set-alert-rule";
import { roleLabels } from "@/lib/domain/auth/permissions";
import { teamField, thresholdUnitWords } from "@/lib/domain/alerts/rules/alert-rule-input";
import type { AlertRuleRow } from "@/lib/domain/alerts/rules/alert-rule-rows";

const deliveryLabels = { immediate: "Immediate", hourly: "Hourly digest", daily: "Daily digest" } as const;

/**
 * One rule's row. A form cannot wrap a table row, so the form sits in the last cell and every
 * control in the row belongs to it through its `form` attribute.
 */
export function AlertRuleForm({ row }: { row: AlertRuleRow }) {
  // Saved values stay as typed: nothing to reset to.
  const { result, onSubmit, pending, dialog } = useStepUpActionState(setAlertRuleAction, { resetOnSuccess: false });
  const formId = `alert-rule-${row.rule}`;
  const labelId = `${formId}-label`;
  const thresholdId = `${formId}-threshold`;
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  const thresholdErrors = errors?.threshold;
  return (
    <tr className="align-top" data-testid={formId}>
      <th scope="row" id={labelId} className="min-w-52 px-3 py-2 text-left font-medium">
        {row.label}
      </th>
      {roles.map((team) => (
        <td key={team} className="px-3 py-2 text-center">
          {row.audience.includes(team) ? (
            <input
              type="checkbox"
              form={formId}
              name={teamField(team)}
              defaultChecked={row.enabled.includes(team)}
              aria-label={`${roleLabels[team]}: ${row.label}`}
              className="size-4 accent-indigo-600"
            />
          ) : (
            <span className="text-zinc-500 dark:text-zinc-400">
              <span aria-hidden="true">—</span>
              <span className="sr-only">{roleLabels[team]} may not open what this rule is about</span>
            </span>
          )}
        </td>
      ))}
      <td className="px-3 py-2">
        {row.threshold ? (
          <div className="space-y-1">
            <div className="flex items-center gap-2">
              <label htmlFor={thresholdId} className="sr-only">
                Threshold in {thresholdUnitWords[row.threshold.unit]}: {row.label}
              </label>
              <TextInput
                id={thresholdId}
                form={formId}
                name="threshold"
                inputMode="numeric"
                autoComplete="off"
                defaultValue={String(row.threshold.value)}
                errors={thresholdErrors}
                aria-describedby={thresholdErrors?.length ? `${thresholdId}-error` : `${thresholdId}-hint`}
                className={cn(inputClass, "w-24")}
              />
              <span id={`${thresholdId}-hint`} className="whitespace-nowrap text-xs text-zinc-600 dark:text-zinc-400">
                {thresholdUnitWords[row.threshold.unit]} ({row.threshold.min.toLocaleString("en-US")}–
                {row.threshold.max.toLocaleString("en-US")})
              </span>
            </div>
            {thresholdErrors?.length ? (
              <p id={`${thresholdId}-error`} className="text-xs text-red-600 dark:text-red-400">
                Threshold {thresholdErrors.join("; ")}
              </p>
            ) : null}
          </div>
        ) : (
          <span className="text-zinc-500 dark:text-zinc-400">None</span>
        )}
      </td>
      <td className="px-3 py-2">
        <label htmlFor={`${formId}-delivery`} className="sr-only">
          Delivery: {row.label}
        </label>
        <SelectInput
          id={`${formId}-delivery`}
          form={formId}
          name="delivery"
          defaultValue={row.delivery}
          className={cn(inputClass, "min-w-40")}
        >
          {Object.entries(deliveryLabels).map(([mode, label]) => (
            <option key={mode} value={mode}>
              {label}
            </option>
          ))}
        </SelectInput>
      </td>
      <td className="px-3 py-2">
        <form id={formId} method="post" onSubmit={onSubmit} aria-labelledby={labelId} className="space-y-1">
          <input type="hidden" name="rule" value={row.rule} />
          <Button type="submit" disabled={pending} aria-describedby={labelId}>
            {pending ? "Saving…" : "Save"}
          </Button>
          <div className="w-44">
            <FormStatus result={result} />
          </div>
        </form>
        {dialog}
      </td>
    </tr>
  );
}
