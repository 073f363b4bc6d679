"use client";

import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { advanceSandboxClockAction } from "@/lib/app/actions/sandbox/advance-sandbox-clock";

const presets = [
  { label: "+1 hour", hours: "1" },
  { label: "+1 day", days: "1" },
  { label: "+91 days", days: "91" },
] as const;

export function AdvanceClockForm() {
  // The typed days, hours and minutes stay after a refusal.
  const { result, pending, onSubmit } = useKeptFormAction(advanceSandboxClockAction);
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap gap-2">
        {presets.map((preset) => (
          <form key={preset.label} method="post" onSubmit={onSubmit}>
            <input type="hidden" name="days" value={"days" in preset ? preset.days : ""} />
            <input type="hidden" name="hours" value={"hours" in preset ? preset.hours : ""} />
            <Button type="submit" variant="secondary" disabled={pending}>
              Advance {preset.label}
            </Button>
          </form>
        ))}
      </div>
      <form
        method="post"
        onSubmit={onSubmit}
        className="flex flex-wrap items-end gap-3"
        aria-label="Advance the sandbox clock"
        noValidate
      >
        {(["days", "hours", "minutes"] as const).map((unit) => (
          <div key={unit} className="w-28">
            <Field id={`advance-${unit}`} label={unit[0]?.toUpperCase() + unit.slice(1)} errors={errors?.[unit]}>
              <TextInput
                id={`advance-${unit}`}
                name={unit}
                inputMode="numeric"
                errors={errors?.[unit]}
                aria-describedby={describedBy(`advance-${unit}`, errors?.[unit])}
              />
            </Field>
          </div>
        ))}
        <Button type="submit" disabled={pending}>
          {pending ? "Advancing…" : "Advance clock"}
        </Button>
      </form>
      <FormStatus result={result} />
    </div>
  );
}
