"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { submitWithoutReset } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { requestPaymentAction } from "@/lib/app/actions/payments/request-payment";
import type { RequestedPayment } from "@/lib/domain/payments/request/outcome-message";
import {
  currenciesOf,
  requestMethodLabels,
  requestMethods,
  type RequestMethod,
} from "@/lib/domain/payments/request/request-payment-input";

interface FormState {
  result: ActionResult<RequestedPayment> | null;
  key: string;
}

/**
 * Request a payment by one of the three flows. The idempotency key comes from the server with
 * the form and is sent with every submission, so a double click or a resubmission shows the
 * first payment instead of making another; it is replaced only after the provider refused.
 * Submitted through onSubmit, not `<form action>`, which React 19 resets after every answer: after
 * a refusal the flow, currency and every field still hold what the user typed.
 */
export function RequestPaymentForm({ initialKey }: { initialKey: string }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<FormState, FormData>(
    async (previous: FormState, formData: FormData): Promise<FormState> => {
      formData.set("idempotencyKey", previous.key);
      const result = await requestPaymentAction(previous.result, formData);
      // A refused request is recorded under its key; the corrected form needs a new one.
      const key = result.ok === false && result.code === "PROVIDER_REFUSED" ? crypto.randomUUID() : previous.key;
      return { result, key };
    },
    { result: null, key: initialKey },
  );
  const [method, setMethod] = useState<RequestMethod>(requestMethods[0]);
  const { result } = state;
  const errors = result?.ok === false ? result.fieldErrors : undefined;

  useEffect(() => {
    if (result?.ok) router.push(`/payments/${result.data.paymentId}`);
  }, [result, router]);

  const onSubmit = submitWithoutReset(action);

  const currencies = currenciesOf[method];
  return (
    <form
      method="post"
      onSubmit={onSubmit}
      className="grid gap-4 sm:grid-cols-2"
      aria-label="Request a payment"
      noValidate
    >
      <input type="hidden" name="idempotencyKey" value={state.key} />
      <fieldset className="space-y-2 sm:col-span-2">
        <legend className="text-sm font-medium">Flow</legend>
        {requestMethods.map((value) => (
          <label key={value} className="flex items-center gap-2 text-sm">
            <input
              type="radio"
              name="method"
              value={value}
              checked={method === value}
              onChange={() => setMethod(value)}
            />
            {requestMethodLabels[value]}
          </label>
        ))}
        {errors?.method ? (
          <p className="text-xs text-red-600 dark:text-red-400">Flow {errors.method.join("; ")}</p>
        ) : null}
      </fieldset>
      <Field id="pay-amount" label="Amount" errors={errors?.amount} hint="In major units, e.g. 125.50">
        <TextInput
          id="pay-amount"
          name="amount"
          inputMode="decimal"
          autoComplete="off"
          errors={errors?.amount}
          aria-describedby={describedBy("pay-amount", errors?.amount, "hint")}
        />
      </Field>
      <Field id="pay-currency" label="Currency" errors={errors?.currency}>
        <SelectInput
          id="pay-currency"
          name="currency"
          key={method}
          defaultValue={currencies[0]}
          errors={errors?.currency}
          aria-describedby={describedBy("pay-currency", errors?.currency)}
        >
          {currencies.map((currency) => (
            <option key={currency}>{currency}</option>
          ))}
        </SelectInput>
      </Field>
      <Field
        id="pay-reference"
        label="Reference (optional)"
        errors={errors?.reference}
        hint="Your order or invoice number; generated when left empty"
      >
        <TextInput
          id="pay-reference"
          name="reference"
          autoComplete="off"
          errors={errors?.reference}
          aria-describedby={describedBy("pay-reference", errors?.reference, "hint")}
        />
      </Field>
      <Field id="pay-description" label="Description (optional)" errors={errors?.description}>
        <TextInput
          id="pay-description"
          name="description"
          autoComplete="off"
          errors={errors?.description}
          aria-describedby={describedBy("pay-description", errors?.description)}
        />
      </Field>
      <Field id="pay-email" label="Customer email (optional)" errors={errors?.customerEmail}>
        <TextInput
          id="pay-email"
          name="customerEmail"
          type="email"
          autoComplete="off"
          errors={errors?.customerEmail}
          aria-describedby={describedBy("pay-email", errors?.customerEmail)}
        />
      </Field>
      <Field id="pay-name" label="Customer name (optional)" errors={errors?.customerName}>
        <TextInput
          id="pay-name"
          name="customerName"
          autoComplete="off"
          errors={errors?.customerName}
          aria-describedby={describedBy("pay-name", errors?.customerName)}
        />
      </Field>
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending || result?.ok === true}>
          {pending ? "Requesting…" : "Request payment"}
        </Button>
        <FormStatus result={result} />
      </div>
    </form>
  );
}
