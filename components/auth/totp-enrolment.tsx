"use client";

import { useActionState, type ReactNode } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field, TextInput } from "@/components/ui/field";
import type { SignInStepResult } from "@/lib/app/actions/auth/define-sign-in-step";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { RecoveryCodes } from "./recovery-codes";
import { useStepUpActionState } from "./use-step-up";

export interface TotpSetup {
  /** data: URI of the QR code of the otpauth:// URI. */
  qr: string;
  /** The same secret in base32, for manual entry. */
  secret: string;
}

type ConfirmResult = ActionResult<{ recoveryCodes: string[] }> | SignInStepResult<{ recoveryCodes: string[] }>;
type ConfirmAction = (previous: ConfirmResult | null, form: FormData) => Promise<ConfirmResult>;

/**
 * Setting up an authenticator app: scan the QR code (or type the secret), confirm with one code,
 * then the recovery codes once and a way on. Used at sign-in (forced enrolment) and on the
 * Account page; `setup` is null once the session has no secret to offer (already set up).
 * The form posts to the action itself (it works before the page hydrates); once hydrated it goes
 * through onSubmit, so replacing an app on a stale session asks for the current factor first.
 */
export function TotpEnrolment({
  setup,
  action,
  callbackUrl,
  continueHref,
  continueLabel,
  afterChange,
}: {
  setup: TotpSetup | null;
  action: ConfirmAction;
  callbackUrl: string;
  continueHref: string;
  continueLabel: string;
  /** Shown under a success (the Account page: a way to end the other sessions). */
  afterChange?: ReactNode;
}) {
  const [plainResult, confirm, plainPending] = useActionState(action, null);
  const stepUp = useStepUpActionState(action, { resetOnSuccess: false });
  const result = stepUp.result ?? plainResult;
  const pending = stepUp.pending || plainPending;
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
          {result.message}
        </p>
        {result.data.recoveryCodes.length ? <RecoveryCodes codes={result.data.recoveryCodes} /> : null}
        {afterChange}
        <a href={continueHref} className={buttonClass("primary")}>
          {result.data.recoveryCodes.length ? `I have saved them: ${continueLabel}` : continueLabel}
        </a>
      </div>
    );
  }
  if (!setup) {
    return (
      <a href={continueHref} className={buttonClass("primary")}>
        {continueLabel}
      </a>
    );
  }
  return (
    <div className="space-y-4">
      <ol className="list-decimal space-y-1 pl-5 text-sm">
        <li>Open your authenticator app (for example Google Authenticator, 1Password or Authy) and add an account.</li>
        <li>Scan this QR code, or type the secret below.</li>
        <li>Type the six-digit code the app then shows.</li>
      </ol>
      {/* eslint-disable-next-line @next/next/no-img-element -- an inline SVG data URI, nothing for next/image to optimise */}
      <img
        src={setup.qr}
        width={192}
        height={192}
        alt="QR code to add Payments Ops to your authenticator app"
        className="rounded border border-zinc-200 bg-white dark:border-zinc-700"
      />
      <dl>
        <dt className="text-sm font-medium">Secret for manual entry</dt>
        <dd className="break-all font-mono text-sm" data-testid="totp-secret">
          {setup.secret}
        </dd>
      </dl>
      <form action={confirm} onSubmit={stepUp.onSubmit} className="space-y-3" aria-label="Confirm authenticator app">
        <input type="hidden" name="callbackUrl" value={callbackUrl} />
        <Field id="totp-confirm-code" label="Code from your app" hint="Six digits; a new one every 30 seconds.">
          <TextInput
            id="totp-confirm-code"
            name="code"
            autoComplete="one-time-code"
            inputMode="numeric"
            required
            aria-describedby="totp-confirm-code-hint"
          />
        </Field>
        <p role="alert" className="min-h-5 text-sm text-red-600 dark:text-red-400">
          {result && !result.ok ? result.message : ""}
        </p>
        <Button type="submit" disabled={pending}>
          {pending ? "Checking…" : "Confirm"}
        </Button>
      </form>
      {stepUp.dialog}
    </div>
  );
}
