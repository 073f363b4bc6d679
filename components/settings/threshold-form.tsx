"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { setApprovalThresholdAction } from "@/lib/app/actions/refunds/set-approval-threshold";

/** One currency's approval threshold, in major units (converted to minor units on the server). */
export function ThresholdForm({ currency, current }: { currency: string; current: string }) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState(setApprovalThresholdAction);
  const id = `threshold-${currency}`;
  const errors = result?.ok === false ? result.fieldErrors?.amount : undefined;
  return (
    <>
      <form
        method="post"
        onSubmit={onSubmit}
        className="flex flex-wrap items-end gap-3"
        aria-label={`${currency} approval threshold`}
      >
        <input type="hidden" name="currency" value={currency} />
        <Field id={id} label={`${currency} threshold`} errors={errors} hint={`Now ${current}`}>
          <TextInput
            id={id}
            name="amount"
            inputMode="decimal"
            autoComplete="off"
            errors={errors}
            aria-describedby={describedBy(id, errors, "hint")}
          />
        </Field>
        <Button type="submit" disabled={pending}>
          {pending ? "Saving…" : `Save ${currency}`}
        </Button>
        <FormStatus result={result} />
      </form>
      {dialog}
    </>
  );
}
