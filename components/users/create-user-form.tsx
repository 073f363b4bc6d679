"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { describedBy, Field, SelectInput, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import { createUserAction } from "@/lib/app/actions/users/create-user";
import { RoleOptions } from "./role-options";

/**
 * Submitted through onSubmit (not `<form action>`), so React never resets the fields: after a
 * refusal or a step-up prompt everything typed is still there; only a success clears the form.
 */
export function CreateUserForm() {
  const { result, onSubmit, pending, dialog } = useStepUpActionState(createUserAction);
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  return (
    <>
      <form method="post" onSubmit={onSubmit} className="grid gap-4 sm:grid-cols-2" aria-label="Create user" noValidate>
        <Field id="new-email" label="Email" errors={errors?.email}>
          <TextInput
            id="new-email"
            name="email"
            type="email"
            autoComplete="off"
            errors={errors?.email}
            aria-describedby={describedBy("new-email", errors?.email)}
          />
        </Field>
        <Field id="new-name" label="Name" errors={errors?.name}>
          <TextInput
            id="new-name"
            name="name"
            autoComplete="off"
            errors={errors?.name}
            aria-describedby={describedBy("new-name", errors?.name)}
          />
        </Field>
        <Field id="new-role" label="Role" errors={errors?.role}>
          <SelectInput id="new-role" name="role" defaultValue="ops" errors={errors?.role}>
            <RoleOptions />
          </SelectInput>
        </Field>
        <Field
          id="new-password"
          label="Initial password"
          errors={errors?.password}
          hint="At least 12 characters, not a common password, not the user’s email or name. Share it with the user over a safe channel."
        >
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
      {dialog}
    </>
  );
}
