"use client";

import { browserSupportsWebAuthn, startAuthentication } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { finishPasskeyVerificationAction } from "@/lib/app/actions/auth/finish-passkey-verification";
import { startPasskeyVerificationAction } from "@/lib/app/actions/auth/start-passkey-verification";
import { noWebAuthnMessage, passkeyPromptFailure } from "./passkey-browser-errors";

const labels = { "sign-in": "Use a passkey", "step-up": "Confirm it's you with a passkey" } as const;

/**
 * Confirms the session's user with one of their passkeys: at sign-in (the pending session becomes
 * a full one) or as a step-up (the second factor becomes fresh). Without onVerified the page re-renders.
 */
export function PasskeyVerifyButton({
  purpose,
  onVerified,
  callbackUrl,
}: {
  purpose: "sign-in" | "step-up";
  onVerified?: () => void;
  callbackUrl?: string;
}) {
  const router = useRouter();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  // Plain state, not useTransition: inside the step-up dialog a guarded form's async action is
  // waiting, and React would keep a transition pending until that action ended.
  const [pending, setPending] = useState(false);
  const fail = (message: string) => setResult({ ok: false, code: "VALIDATION_FAILED", message });

  async function verify() {
    setPending(true);
    try {
      await prompt();
    } finally {
      setPending(false);
    }
  }

  async function prompt() {
    if (!browserSupportsWebAuthn()) return fail(noWebAuthnMessage);
    const start = await startPasskeyVerificationAction(null, { purpose });
    if (!start.ok) return setResult(start);
    let response;
    try {
      response = await startAuthentication({ optionsJSON: start.data.options });
    } catch (error) {
      return fail(passkeyPromptFailure(error));
    }
    const finish = await finishPasskeyVerificationAction(null, { purpose, response, callbackUrl });
    setResult(finish);
    if (!finish.ok) return;
    if (onVerified) onVerified();
    else if (finish.data.next) router.replace(finish.data.next);
    else router.refresh();
  }

  return (
    <div className="space-y-2">
      <Button
        type="button"
        variant="secondary"
        onClick={() => void verify()}
        disabled={pending}
        aria-busy={pending || undefined}
      >
        {pending ? "Waiting for your passkey…" : labels[purpose]}
      </Button>
      <FormStatus result={result} />
    </div>
  );
}
