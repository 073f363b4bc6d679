"use client";

import Link from "next/link";
import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { describedBy, Field, inputClass } from "@/components/ui/field";
import { keepTabInside } from "@/components/ui/focus-trap";
import { confirmStepUpAction } from "@/lib/app/actions/auth/confirm-step-up";
import { stepUpFactorsOf } from "@/lib/domain/auth/step-up";
import { PasskeyVerifyButton } from "./passkey-verify-button";

export interface StepUpRequest {
  /** The action's own sentence (STEP_UP_REQUIRED), shown as the dialog's description. */
  message: string;
}

/**
 * Asks for a second factor when an action answered STEP_UP_REQUIRED: a passkey, the authenticator
 * app's six-digit code, or a recovery code (what the user has, as the sentence says). onDone(true) once the server has accepted it (the caller
 * then re-submits what the user had entered); onDone(false) on cancel. A wrong code keeps the
 * dialog open with a sentence saying what to do. Used through useStepUp / useStepUpActionState.
 */
export function StepUpDialog({
  request,
  onDone,
}: {
  request: StepUpRequest | null;
  onDone: (confirmed: boolean) => void;
}) {
  const id = useId();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const [kind, setKind] = useState<"totp" | "recovery_code">("totp");
  const [code, setCode] = useState("");
  const [error, setError] = useState<{ message: string; signedOut: boolean } | null>(null);
  // Each opening starts the passkey prompt afresh (no answer left from the last one).
  const [openings, setOpenings] = useState(0);
  // Plain state, not useTransition: the dialog opens while the guarded form's own async action
  // waits for it, and React entangles pending async transitions, so a transition's isPending
  // would stay true until that action ended and the button would never come back after a
  // wrong code.
  const [checking, setChecking] = useState(false);
  const factors = stepUpFactorsOf(request?.message ?? "");
  const enrolled = factors.totp || factors.passkey;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (request && !dialog.open) {
      setKind("totp");
      setCode("");
      setError(null);
      setOpenings((n) => n + 1);
      dialog.showModal();
    } else if (!request && dialog.open) {
      dialog.close();
    }
  }, [request]);

  function cancel() {
    onDone(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDialogElement>) {
    keepTabInside(event);
    // This dialog may open over another modal (the refund dialog): its focus trap is the one that counts.
    event.stopPropagation();
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    event.stopPropagation();
    if (code.trim() === "") {
      setError({
        message:
          kind === "totp" ? "Enter the 6-digit code from your authenticator app." : "Enter one of your recovery codes.",
        signedOut: false,
      });
      inputRef.current?.focus();
      return;
    }
    setError(null);
    setChecking(true);
    void (async () => {
      const answer = await confirmStepUpAction(null, { kind, code }).catch(() => ({
        ok: false as const,
        code: "INTERNAL" as const,
        message: "The code could not be checked: the connection failed. Try again.",
      }));
      setChecking(false);
      if (answer.ok) {
        setCode("");
        onDone(true);
        return;
      }
      setError({ message: answer.message, signedOut: answer.code === "UNAUTHENTICATED" });
      setCode("");
      inputRef.current?.focus();
    })();
  }

  const inputId = `${id}-code`;
  return (
    <dialog
      ref={dialogRef}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-description`}
      onKeyDown={onKeyDown}
      onCancel={(event) => {
        event.preventDefault();
        cancel();
      }}
      className="m-auto w-full max-w-md rounded-lg border border-zinc-200 bg-white p-5 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      data-testid="step-up-dialog"
    >
      <h2 id={`${id}-title`} className="mb-2 text-lg font-semibold">
        Confirm it is you
      </h2>
      <p id={`${id}-description`} className="mb-4 text-sm text-zinc-700 dark:text-zinc-300">
        {request?.message ?? ""}
      </p>
      {!enrolled ? (
        <div className="flex justify-end gap-2">
          <Button type="button" variant="secondary" onClick={cancel}>
            Close
          </Button>
          <Link href="/account" className={buttonClass("primary")}>
            Go to the Account page
          </Link>
        </div>
      ) : null}
      {enrolled && factors.passkey ? (
        <div className="mb-4">
          <PasskeyVerifyButton key={openings} purpose="step-up" onVerified={() => onDone(true)} />
        </div>
      ) : null}
      {enrolled && !factors.totp ? (
        <div className="flex justify-end">
          <Button type="button" variant="secondary" onClick={cancel}>
            Cancel
          </Button>
        </div>
      ) : null}
      {factors.totp ? (
        <form method="post" onSubmit={submit} className="space-y-4" aria-label="Confirm it is you" noValidate>
          <Field
            id={inputId}
            label={kind === "totp" ? "Authenticator code" : "Recovery code"}
            hint={
              kind === "totp"
                ? "The 6-digit code your authenticator app shows now."
                : "One of the recovery codes you saved; each works once."
            }
          >
            <input
              ref={inputRef}
              className={inputClass}
              id={inputId}
              name="code"
              value={code}
              onChange={(event) => setCode(event.target.value)}
              inputMode={kind === "totp" ? "numeric" : "text"}
              autoComplete="one-time-code"
              autoFocus
              maxLength={kind === "totp" ? 6 : 64}
              aria-invalid={error ? true : undefined}
              aria-describedby={describedBy(inputId, undefined, "hint")}
            />
          </Field>
          {error ? (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {error.message}{" "}
              {error.signedOut ? (
                <Link href="/sign-in" className="underline">
                  Sign in
                </Link>
              ) : null}
            </p>
          ) : null}
          <button
            type="button"
            className="text-sm text-indigo-700 underline dark:text-indigo-300"
            onClick={() => {
              setKind((previous) => (previous === "totp" ? "recovery_code" : "totp"));
              setCode("");
              setError(null);
              inputRef.current?.focus();
            }}
          >
            {kind === "totp" ? "Use a recovery code instead" : "Use the authenticator app instead"}
          </button>
          <div className="flex justify-end gap-2">
            <Button type="button" variant="secondary" onClick={cancel}>
              Cancel
            </Button>
            <Button type="submit" disabled={checking || Boolean(error?.signedOut)}>
              {checking ? "Checking…" : "Confirm"}
            </Button>
          </div>
        </form>
      ) : null}
    </dialog>
  );
}
