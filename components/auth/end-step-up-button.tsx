"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { endStepUpAction } from "@/lib/app/actions/auth/end-step-up";

/** Ends the step-up window now, for a user stepping away from their desk. */
export function EndStepUpButton() {
  const [result, action, pending] = useActionState(endStepUpAction, null);
  return (
    <form
      action={action}
      className="mt-3 flex flex-wrap items-center gap-3"
      aria-label="Ask for my second factor again"
    >
      <Button type="submit" variant="secondary" disabled={pending}>
        Ask for my second factor again
      </Button>
      <FormStatus result={result} />
    </form>
  );
}
