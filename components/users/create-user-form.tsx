"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/actions/action-result";
import { createUserAction } from "@/lib/actions/users/create-user";
import { RoleOptions } from "./role-options";

type Values = { email: string; name: string; role: string };
type FormState = { result: ActionResult<{ id: string }> | null; values: Values; submissions: number };

const empty: Values = { email: "", name: "", role: "ops" };
const text = (formData: FormData, name: string) => {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
};

/**
 * React 19 resets a `<form action>` after every submission, so a refusal re-renders what was
 * typed as the fields' defaults (keyed by submission so they take the new default). The
 * password is not kept: after a refusal it has to be chosen again anyway.
 */
export function CreateUserForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(
    async (previous, formData) => {
      const result = await createUserAction(previous.result, formData);
      const values = result.ok ? empty : { email: text(formData, "email"), name: text(formData, "name"), role: text(formData, "role") || empty.role };
      return { result, values, submissions: previous.submissions + 1 };
    },
    { result: null, values: empty, submissions: 0 },
  );
  const { result, values, submissions } = state;
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  return (
    <form action={action} className="grid gap-4 sm:grid-cols-2" aria-label="Create user" noValidate>
      <Field id="new-email" label="Email" errors={errors?.email}>
        <TextInput
          key={`email-${submissions}`}
          id="new-email"
          name="email"
          type="email"
          autoComplete="off"
          defaultValue={values.email}
          errors={errors?.email}
          aria-describedby={describedBy("new-email", errors?.email)}
        />
      </Field>
      <Field id="new-name" label="Name" errors={errors?.name}>
        <TextInput key={`name-${submissions}`} id="new-name" name="name" autoComplete="off" defaultValue={values.name} errors={errors?.name} aria-describedby={describedBy("new-name", errors?.name)} />
      </Field>
      <Field id="new-role" label="Role" errors={errors?.role}>
        <SelectInput key={`role-${submissions}`} id="new-role" name="role" defaultValue={values.role} errors={errors?.role}>
          <RoleOptions />
        </SelectInput>
      </Field>
      <Field id="new-password" label="Initial password" errors={errors?.password} hint="At least 12 characters, not a common password, not the user’s email or name. Share it with the user over a safe channel.">
        <TextInput
          id="new-password"
          name="password"
          type="password"
          autoComplete="new-password"
          errors={errors?.password}
          aria-describedby={describedBy("new-password", errors?.password, "hint")}
        />
      </Field>
      <div className="flex items-center gap-4 sm:col-span-2">
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create user"}
        </Button>
        <FormStatus result={result} />
      </div>
    </form>
  );
}
