"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/action-result";
import { placeOrderAction } from "@/lib/actions/orders/place-order";
import { inputFieldsSchema } from "@/lib/orders/input-fields";
import { inputFieldPrefix, sandboxOutcomes } from "@/lib/orders/place-order-input";
import type { InputField } from "@/lib/providers/octopus-cards/types";

type Result = ActionResult<{ orderId: string }>;

/**
 * Confirm a quote. The client_reference came with the quote and is sent with every submission,
 * so a double click, a retry after a timeout or a resubmission finds the first order instead of
 * placing another. Topup recipient fields are checked here with the same schema the server uses.
 */
export function ConfirmOrderForm({
  hidden,
  inputFields,
  inputData,
  askEmail,
  email,
  sandbox,
  requoteHref,
}: {
  hidden: Record<string, string>;
  inputFields: InputField[];
  inputData: Record<string, string>;
  askEmail: boolean;
  email?: string;
  sandbox: boolean;
  requoteHref: string;
}) {
  const router = useRouter();
  const [clientErrors, setClientErrors] = useState<Record<string, string[]>>({});
  const [result, action, pending] = useActionState<Result | null, FormData>(placeOrderAction, null);
  const errors = { ...(result?.ok === false ? result.fieldErrors : undefined), ...clientErrors };

  useEffect(() => {
    if (result?.ok) router.push(`/orders/${result.data.orderId}`);
  }, [result, router]);

  function check(event: React.FormEvent<HTMLFormElement>) {
    const form = new FormData(event.currentTarget);
    const values = Object.fromEntries(inputFields.map((f) => [f.name, String(form.get(`${inputFieldPrefix}${f.name}`) ?? "")]));
    const parsed = inputFieldsSchema(inputFields).safeParse(values);
    const found: Record<string, string[]> = {};
    if (!parsed.success) for (const issue of parsed.error.issues) (found[`${inputFieldPrefix}${String(issue.path[0])}`] ??= []).push(issue.message);
    setClientErrors(found);
    if (!parsed.success) event.preventDefault();
  }

  return (
    <form action={action} onSubmit={check} className="grid gap-4 sm:grid-cols-2" aria-label="Confirm order" noValidate>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {inputFields.map((field) => {
        const id = `input-${field.name}`;
        const name = `${inputFieldPrefix}${field.name}`;
        const fieldErrors = errors[name];
        return (
          <Field key={field.name} id={id} label={field.label ?? field.name} errors={fieldErrors} hint={field.required ? "Required" : "Optional"}>
            <TextInput id={id} name={name} defaultValue={inputData[field.name] ?? ""} autoComplete="off" required={field.required} errors={fieldErrors} aria-describedby={describedBy(id, fieldErrors, "hint")} />
          </Field>
        );
      })}
      {askEmail ? (
        <Field id="order-email" label="Send the codes to (optional)" errors={errors.email}>
          <TextInput id="order-email" name="email" type="email" defaultValue={email ?? ""} autoComplete="off" errors={errors.email} aria-describedby={describedBy("order-email", errors.email)} />
        </Field>
      ) : null}
      {sandbox ? (
        <Field id="sandbox-outcome" label="Sandbox outcome" hint="Sandbox only: the simulator acts on a prefix of the client_reference." errors={errors.sandboxOutcome}>
          <SelectInput id="sandbox-outcome" name="sandboxOutcome" defaultValue="" aria-describedby={describedBy("sandbox-outcome", errors.sandboxOutcome, "hint")}>
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
        <Button type="submit" disabled={pending || result?.ok === true}>
          {pending ? "Placing…" : "Confirm and pay"}
        </Button>
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
