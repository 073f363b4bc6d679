"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { setLowBalanceThresholdAction } from "@/lib/app/actions/wallet/set-low-balance-threshold";

/** One currency's wallet low-balance threshold, in major units (converted to minor units on the server). */
export function LowBalanceThresholdForm({ currency, current }: { currency: string; current: string | null }) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState(setLowBalanceThresholdAction);
  const id = `low-balance-${currency}`;
  const errors = result?.ok === false ? result.fieldErrors?.amount : undefined;
  return (
    <>
      <form
        method="post"
        onSubmit={onSubmit}
        className="flex flex-wrap items-end gap-3"
        aria-label={`${currency} low-balance threshold`}
      >
        <input type="hidden" name="currency" value={currency} />
        <Field
          id={id}
          label={`${currency} low-balance threshold`}
          errors={errors}
          hint={current ? `Now ${current}` : "Not set: no warning"}
        >
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
          {pending ? "Saving…" : `Save ${currency} warning`}
        </Button>
        <FormStatus result={result} />
      </form>
      {dialog}
    </>
  );
}
