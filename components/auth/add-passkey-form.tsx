"use client";

import { browserSupportsWebAuthn, startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { describedBy, Field, TextInput } from "@/components/ui/field";
import { OtherSessionsHint } from "@/components/account/other-sessions-hint";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { finishPasskeyRegistrationAction } from "@/lib/app/actions/auth/finish-passkey-registration";
import { startPasskeyRegistrationAction } from "@/lib/app/actions/auth/start-passkey-registration";
import { passkeyNameMaxLength } from "@/lib/app/validation/passkeys";
import { noWebAuthnMessage, passkeyPromptFailure } from "./passkey-browser-errors";
import { needsStepUp, stepUpCancelled, useStepUp } from "./use-step-up";

/** Names and creates a passkey: the name is checked first, then the browser's prompt, then the server verifies. */
export function AddPasskeyForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const { ask, dialog } = useStepUp();
  const fail = (message: string) => setResult({ ok: false, code: "VALIDATION_FAILED", message });
  const nameErrors = result?.ok === false ? result.fieldErrors?.name : undefined;

  function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      if (!browserSupportsWebAuthn()) return fail(noWebAuthnMessage);
      let start = await startPasskeyRegistrationAction(null, { name });
      // A user who already has a factor confirms it before adding another one (ASVS 7.5.1).
      if (needsStepUp(start)) {
        if (!(await ask(start.message))) return setResult(stepUpCancelled);
        start = await startPasskeyRegistrationAction(null, { name });
      }
      if (!start.ok) return setResult(start);
      let response;
      try {
        response = await startRegistration({ optionsJSON: start.data.options });
      } catch (error) {
        return fail(passkeyPromptFailure(error));
      }
      const finish = await finishPasskeyRegistrationAction(null, { name, response });
      setResult(finish);
      if (finish.ok) {
        setName("");
        router.refresh();
      }
    });
  }

  return (
    <>
      <form method="post" onSubmit={add} aria-label="Add a passkey" className="mt-4 flex flex-wrap items-end gap-3">
        <Field
          id="passkey-name"
          label="Passkey name"
          errors={nameErrors}
          hint={`Optional, up to ${passkeyNameMaxLength} characters, e.g. "Work laptop".`}
        >
          <TextInput
            id="passkey-name"
            name="name"
            value={name}
            onChange={(event) => setName(event.target.value)}
            autoComplete="off"
            errors={nameErrors}
            aria-describedby={describedBy("passkey-name", nameErrors, "hint")}
          />
        </Field>
        <Button type="submit" disabled={pending} aria-busy={pending || undefined}>
          {pending ? "Waiting for your passkey…" : "Add a passkey"}
        </Button>
        <FormStatus result={result} />
        {result?.ok ? <OtherSessionsHint /> : null}
      </form>
      {dialog}
    </>
  );
}
