"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { signInAction } from "@/lib/app/actions/auth/sign-in";

/**
 * A POST to the sign-in server action: it works before hydration and without JavaScript, and the
 * password never travels in a URL. After a refusal the email stays; the password never comes back.
 */
export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [result, signIn, pending] = useActionState(signInAction, null);
  const [email, setEmail] = useState(result?.values?.email ?? "");
  const refused = result !== null && !result.ok;
  const passwordHint = refused
    ? "Type your password again: it is cleared after every refusal, so it never stays on the page."
    : undefined;
  return (
    <form action={signIn} className="space-y-4" aria-label="Sign in" noValidate>
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id="email" label="Email">
        <TextInput
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
      </Field>
      <Field id="password" label="Password" hint={passwordHint}>
        <TextInput
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-describedby={describedBy("password", undefined, passwordHint)}
        />
      </Field>
      <p role="alert" className="min-h-5 text-sm text-red-600 dark:text-red-400">
        {refused ? result.message : ""}
      </p>
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
