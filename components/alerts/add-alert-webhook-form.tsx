"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { addAlertWebhookAction } from "@/lib/app/actions/alerts/add-alert-webhook";

/** Kept after a refusal (onSubmit, not `<form action>`); the signing secret is shown here once. */
export function AddAlertWebhookForm({ teams }: { teams: { value: string; label: string }[] }) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState(addAlertWebhookAction);
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  return (
    <>
      <form
        method="post"
        onSubmit={onSubmit}
        className="grid gap-4 sm:grid-cols-3"
        aria-label="Add a team webhook"
        noValidate
      >
        <Field id="webhook-team" label="Team" errors={errors?.team}>
          <SelectInput id="webhook-team" name="team" defaultValue="ops" errors={errors?.team}>
            {teams.map((team) => (
              <option key={team.value} value={team.value}>
                {team.label}
              </option>
            ))}
          </SelectInput>
        </Field>
        <Field id="webhook-label" label="Name" errors={errors?.name} hint="e.g. #payments-ops in Slack">
          <TextInput
            id="webhook-label"
            name="name"
            autoComplete="off"
            errors={errors?.name}
            aria-describedby={describedBy("webhook-label", errors?.name, "hint")}
          />
        </Field>
        <Field id="webhook-url" label="Webhook URL" errors={errors?.webhookUrl}>
          <TextInput
            id="webhook-url"
            name="webhookUrl"
            type="url"
            autoComplete="off"
            errors={errors?.webhookUrl}
            aria-describedby={describedBy("webhook-url", errors?.webhookUrl)}
          />
        </Field>
        <div className="flex flex-wrap items-center gap-4 sm:col-span-3">
          <Button type="submit" disabled={pending}>
            {pending ? "Adding…" : "Add webhook"}
          </Button>
          <FormStatus result={result} />
        </div>
      </form>
      {result?.ok ? (
        <div className="mt-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm dark:border-amber-700 dark:bg-amber-950">
          <p className="font-medium">Signing secret (shown once)</p>
          <p className="mt-1 flex flex-wrap items-center gap-3">
            <code className="break-all font-mono text-xs" data-testid="webhook-signing-secret">
              {result.data.signingSecret}
            </code>
            <CopyButton value={result.data.signingSecret} label="Copy signing secret" />
          </p>
        </div>
      ) : null}
      {dialog}
    </>
  );
}
