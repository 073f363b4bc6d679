"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { removeAlertWebhookAction } from "@/lib/app/actions/alerts/remove-alert-webhook";

export function RemoveAlertWebhookButton({ endpointId, label }: { endpointId: string; label: string }) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState(removeAlertWebhookAction);
  return (
    <>
      <form method="post" onSubmit={onSubmit} className="flex items-center gap-3" aria-label={`Remove ${label}`}>
        <input type="hidden" name="endpointId" value={endpointId} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Removing…" : "Remove"}
        </Button>
        <FormStatus result={result} />
      </form>
      {dialog}
    </>
  );
}
