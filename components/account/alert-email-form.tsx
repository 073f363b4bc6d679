"use client";

import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { setAlertEmailAction } from "@/lib/app/actions/alerts/set-alert-email";

/** One button that flips the person's own alert email; the page says which way it is now. */
export function AlertEmailForm({ enabled, email }: { enabled: boolean; email: string }) {
  const { result, onSubmit, pending } = useKeptFormAction(setAlertEmailAction);
  const on = result?.ok ? result.data.enabled : enabled;
  return (
    <form method="post" onSubmit={onSubmit} className="space-y-3" aria-label="Alert email">
      <p className="text-sm" data-testid="alert-email-state">
        {on
          ? `Alerts for your team are emailed to ${email}, as well as shown in the notification centre.`
          : "Alerts for your team are shown in the notification centre only."}
      </p>
      <input type="hidden" name="enabled" value={on ? "off" : "on"} />
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" variant="secondary" disabled={pending}>
          {on ? "Stop alert email" : "Email me alerts"}
        </Button>
        <FormStatus result={result} />
      </div>
    </form>
  );
}
