"use client";

import { useActionState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import { verifySecondFactorAction } from "@/lib/app/actions/auth/verify-second-factor";

type Method = "totp" | "recovery_code";

const copy: Record<
  Method,
  { form: string; label: string; hint: string; button: string; autoComplete: string; inputMode: "numeric" | "text" }
> = {
  totp: {
    form: "Authenticator code",
    label: "Authenticator code",
    hint: "The six digits your authenticator app shows for Payments Ops.",
    button: "Verify code",
    autoComplete: "one-time-code",
    inputMode: "numeric",
  },
  recovery_code: {
    form: "Recovery code",
    label: "Recovery code",
    hint: "One of the codes you saved when you set up your second factor. Each works once.",
    button: "Use recovery code",
    autoComplete: "off",
    inputMode: "text",
  },
};

function CodeForm({ method, callbackUrl, onEnded }: { method: Method; callbackUrl: string; onEnded: ReactNode }) {
  const [result, verify, pending] = useActionState(verifySecondFactorAction, null);
  const text = copy[method];
  const id = `code-${method}`;
  if (result && !result.ok && result.code === "UNAUTHENTICATED") {
    return (
      <div className="space-y-3">
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {result.message}
        </p>
        {onEnded}
      </div>
    );
  }
  return (
    <form action={verify} className="space-y-3" aria-label={text.form}>
      <input type="hidden" name="method" value={method} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field id={id} label={text.label} hint={text.hint}>
        <TextInput
          id={id}
          name="code"
          autoComplete={text.autoComplete}
          inputMode={text.inputMode}
          required
          aria-describedby={`${id}-hint`}
        />
      </Field>
      <p role="alert" className="min-h-5 text-sm text-red-600 dark:text-red-400">
        {result && !result.ok ? result.message : ""}
      </p>
      <Button type="submit" disabled={pending}>
        {pending ? "Checking…" : text.button}
      </Button>
    </form>
  );
}

/** The second sign-in step: a code from the authenticator app, or a recovery code (each a plain POST); children: the passkey button. */
export function VerifySecondFactor({
  callbackUrl,
  hasTotp,
  children,
}: {
  callbackUrl: string;
  hasTotp: boolean;
  children?: ReactNode;
}) {
  const ended = (
    <a href="/sign-in" className="text-indigo-700 underline dark:text-indigo-300">
      Sign in again
    </a>
  );
  return (
    <div className="space-y-6">
      {children}
      {hasTotp ? <CodeForm method="totp" callbackUrl={callbackUrl} onEnded={ended} /> : null}
      <details className="rounded-md border border-zinc-200 p-3 dark:border-zinc-800" open={!hasTotp}>
        <summary className="cursor-pointer text-sm font-medium">Use a recovery code instead</summary>
        <div className="mt-3">
          <CodeForm method="recovery_code" callbackUrl={callbackUrl} onEnded={ended} />
        </div>
      </details>
    </div>
  );
}
