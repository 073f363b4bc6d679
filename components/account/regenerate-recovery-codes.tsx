"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { RecoveryCodes } from "@/components/auth/recovery-codes";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { regenerateRecoveryCodesAction } from "@/lib/app/actions/account/regenerate-recovery-codes";

export function RegenerateRecoveryCodes({ hasCodes }: { hasCodes: boolean }) {
  const { result, onSubmit: regenerate, pending, dialog } = useStepUpActionState(regenerateRecoveryCodesAction);
  return (
    <div className="space-y-3">
      {result?.ok ? (
        <RecoveryCodes codes={result.data.recoveryCodes} />
      ) : (
        <form method="post" onSubmit={regenerate} aria-label="New recovery codes">
          <Button type="submit" variant="secondary" disabled={pending}>
            {hasCodes ? "Make new recovery codes" : "Make recovery codes"}
          </Button>
          {hasCodes ? (
            <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">Your current codes stop working.</p>
          ) : null}
        </form>
      )}
      <FormStatus result={result} />
      {dialog}
    </div>
  );
}
