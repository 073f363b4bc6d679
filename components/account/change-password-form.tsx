"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { changePasswordAction } from "@/lib/app/actions/account/change-password";

const labels = {
  currentPassword: "Current password",
  newPassword: "New password",
  confirmPassword: "Confirm new password",
} as const;
type PasswordField = keyof typeof labels;

/**
 * The schema's own summary names fields by their keys; this one uses the labels the user sees.
 * Password fields are never refilled after a refusal (React resets the form and we leave it so):
 * the sentence says so, and each failing field keeps its own error.
 */
function statusOf(result: ActionResult<unknown> | null): ActionResult<unknown> | null {
  if (!result || result.ok || result.code !== "VALIDATION_FAILED" || !result.message.startsWith("Check the form: "))
    return result;
  const problems = (Object.keys(labels) as PasswordField[])
    .filter((field) => result.fieldErrors?.[field]?.length)
    .map((field) => `${labels[field]} ${result.fieldErrors?.[field]?.join("; ")}`);
  return {
    ...result,
    message: `Check the form: ${problems.join(", ")}; the password fields were cleared so nothing secret stays on the page.`,
  };
}

export function ChangePasswordForm({ email }: { email: string }) {
  const [result, action, pending] = useActionState(changePasswordAction, null);
  const errors = result?.ok === false ? result.fieldErrors : undefined;
  const field = (name: PasswordField, autoComplete: "current-password" | "new-password", hint?: string) => {
    const id = `account-${name}`;
    return (
      <Field id={id} label={labels[name]} errors={errors?.[name]} hint={hint}>
        <TextInput
          id={id}
          name={name}
          type="password"
          autoComplete={autoComplete}
          required
          errors={errors?.[name]}
          aria-describedby={describedBy(id, errors?.[name], hint)}
        />
      </Field>
    );
  };
  return (
    <form action={action} className="grid max-w-md gap-4" aria-label="Change password" noValidate>
      {/* Lets password managers file the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      {field("currentPassword", "current-password")}
      {field("newPassword", "new-password", "At least 12 characters; any characters, spaces and pasting are fine.")}
      {field("confirmPassword", "new-password")}
      <p className="text-xs text-zinc-600 dark:text-zinc-400">
        Your other sessions are signed out when the password changes; this one stays signed in.
      </p>
      <div className="flex flex-wrap items-center gap-4">
        <Button type="submit" disabled={pending}>
          {pending ? "Changing…" : "Change password"}
        </Button>
        <FormStatus result={statusOf(result)} />
      </div>
    </form>
  );
}
