"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { useKeptFormAction } from "@/components/ui/use-kept-form-action";
import { AlreadyConfirmedNotice } from "./catalogue/already-confirmed-notice";
import { forgetQuoteSent, markQuoteSent, useQuoteSent } from "./catalogue/confirmed-quotes";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { placeOrderAction } from "@/lib/app/actions/orders/place-order";
import { inputFieldsSchema } from "@/lib/domain/orders/input-fields";
import { phoneCountryOrFallback } from "@/lib/domain/orders/phone/normalise-phone";
import { inputFieldPrefix, sandboxOutcomes } from "@/lib/domain/orders/place-order-input";
import type { InputField } from "@/lib/integrations/providers/octopus-cards/types";

// A placed order redirects to its page, so only refusals come back as results.
type Result = ActionResult<unknown>;

/**
 * Confirm a quote. The client_reference came with the quote and is sent with every submission,
 * so a double click, a retry after a timeout or a resubmission finds the first order instead of
 * placing another. Topup recipient fields are checked here with the same schema the server uses.
 * Submitted without React's form reset, so after a refusal every field keeps what was typed.
 */
export function ConfirmOrderForm({
  hidden,
  inputFields,
  inputData,
  phoneCountry,
  askEmail,
  email,
  sandbox,
  requoteHref,
  blockedReason,
}: {
  hidden: Record<string, string>;
  inputFields: InputField[];
  inputData: Record<string, string>;
  /** Where national phone numbers are read (alpha-2), from the product. */
  phoneCountry?: string;
  askEmail: boolean;
  email?: string;
  sandbox: boolean;
  requoteHref: string;
  /** Why this quote cannot be confirmed (the wallet cannot cover it); the button is disabled and says so. */
  blockedReason?: string;
}) {
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const { result, pending, onSubmit } = useKeptFormAction<Result>(placeOrderAction);
  const errors = { ...(result?.ok === false ? result.fieldErrors : undefined), ...clientErrors };

  // A placed order answers with a redirect to it; only a refusal comes back here.
  const reference = hidden.clientReference;
  const [sentHere, setSentHere] = useState(false);
  const sentBefore = useQuoteSent(reference);
  useEffect(() => {
    if (result?.ok === false && reference) forgetQuoteSent(reference);
  }, [result, reference]);

  if (sentBefore && !sentHere && reference) return <AlreadyConfirmedNotice reference={reference} />;

  function check(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(
      inputFields.map((f) => [f.name, String(form.get(`${inputFieldPrefix}${f.name}`) ?? "")]),
    );
    const parsed = inputFieldsSchema(inputFields, phoneCountryOrFallback(phoneCountry)).safeParse(values);
    const found: Record<string, string[]> = {};
    if (!parsed.success)
      for (const issue of parsed.error.issues)
        (found[`${inputFieldPrefix}${String(issue.path[0])}`] ??= []).push(issue.message);
    setClientErrors(found);
    if (!parsed.success) return event.preventDefault();
    if (reference) {
      setSentHere(true);
      markQuoteSent(reference);
    }
    onSubmit(event);
  }

  return (
    <form method="post" onSubmit={check} className="grid gap-4 sm:grid-cols-2" aria-label="Confirm order" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {inputFields.map((field) => {
        const id = `input-${field.name}`;
        const name = `${inputFieldPrefix}${field.name}`;
        const fieldErrors = errors[name];
        return (
          <Field
            key={field.name}
            id={id}
            label={field.label ?? field.name}
            errors={fieldErrors}
            hint={field.required ? "Required" : "Optional"}
          >
            <TextInput
              id={id}
              name={name}
              defaultValue={inputData[field.name] ?? ""}
              autoComplete="off"
              required={field.required}
              errors={fieldErrors}
              aria-describedby={describedBy(id, fieldErrors, "hint")}
            />
          </Field>
        );
      })}
      {askEmail ? (
        <Field id="order-email" label="Send the codes to (optional)" errors={errors.email}>
          <TextInput
            id="order-email"
            name="email"
            type="email"
            defaultValue={email ?? ""}
            autoComplete="off"
            errors={errors.email}
            aria-describedby={describedBy("order-email", errors.email)}
          />
        </Field>
      ) : null}
      {sandbox ? (
        <Field
          id="sandbox-outcome"
          label="Sandbox outcome"
          hint="Sandbox only: the simulator acts on a prefix of the client_reference."
          errors={errors.sandboxOutcome}
        >
          <SelectInput
            id="sandbox-outcome"
            name="sandboxOutcome"
            defaultValue=""
            aria-describedby={describedBy("sandbox-outcome", errors.sandboxOutcome, "hint")}
          >
            <option value="">None (normal outcome)</option>
            {sandboxOutcomes.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </SelectInput>
        </Field>
      ) : null}
      <div className="flex flex-wrap items-center gap-4 sm:col-span-2">
        <Button
          type="submit"
          disabled={pending || result?.ok === true || blockedReason !== undefined}
          aria-describedby={blockedReason ? "confirm-blocked" : undefined}
        >
          {pending ? "Placing…" : "Confirm and pay"}
        </Button>
        {blockedReason ? (
          <p id="confirm-blocked" className="text-sm text-red-700 dark:text-red-400" data-testid="confirm-blocked">
            {blockedReason}
          </p>
        ) : null}
        {result?.ok === false && result.code === "CONFLICT" ? (
          <Link href={requoteHref} className={buttonClass("secondary")}>
            Get the new quote
          </Link>
        ) : null}
        <FormStatus result={result} />
      </div>
    </form>
  );
}
