"use client";

import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { OtherSessionsHint } from "@/components/account/other-sessions-hint";
import { FormStatus } from "@/components/ui/form-status";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { removePasskeyAction } from "@/lib/app/actions/auth/remove-passkey";
import { needsStepUp, stepUpCancelled, useStepUp } from "./use-step-up";
import { UtcTime } from "@/components/ui/utc-time";

interface PasskeyRow {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}

/** The user's passkeys; removing one asks for a confirmation in place (focus moves to it, and back). */
export function PasskeyList({ passkeys }: { passkeys: PasskeyRow[] }) {
  const router = useRouter();
  const [confirming, setConfirming] = useState<string | null>(null);
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const [pending, startTransition] = useTransition();
  const { ask, dialog } = useStepUp();
  const [returnFocusTo, setReturnFocusTo] = useState<string | null>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (returnFocusTo) document.getElementById(`remove-${returnFocusTo}`)?.focus();
  }, [confirming, returnFocusTo]);

  function keep(id: string) {
    setConfirming(null);
    setReturnFocusTo(id);
  }

  function remove(id: string) {
    startTransition(async () => {
      let removed = await removePasskeyAction(null, { credentialId: id });
      if (needsStepUp(removed)) {
        if (!(await ask(removed.message))) removed = stepUpCancelled;
        else removed = await removePasskeyAction(null, { credentialId: id });
      }
      setResult(removed);
      setConfirming(null);
      if (removed.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-2">
      {passkeys.length === 0 ? (
        <p className="text-sm">You have no passkeys yet.</p>
      ) : (
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Your passkeys</caption>
          <thead className="text-zinc-600 dark:text-zinc-400">
            <tr>
              <th scope="col" className="py-1 pr-3 font-medium">
                Name
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Added (UTC)
              </th>
              <th scope="col" className="py-1 pr-3 font-medium">
                Last used (UTC)
              </th>
              <th scope="col" className="py-1 font-medium">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {passkeys.map((passkey) => (
              <tr key={passkey.id} data-testid="passkey" className="border-t border-zinc-200 dark:border-zinc-800">
                <td className="py-2 pr-3">{passkey.name}</td>
                <td className="py-2 pr-3">
                  <UtcTime value={new Date(passkey.createdAt)} />
                </td>
                <td className="py-2 pr-3">
                  {passkey.lastUsedAt ? <UtcTime value={new Date(passkey.lastUsedAt)} /> : "Never"}
                </td>
                <td className="py-2">
                  {confirming === passkey.id ? (
                    <div
                      role="group"
                      aria-label={`Remove ${passkey.name}?`}
                      className="flex flex-wrap items-center gap-2"
                      onKeyDown={(event) => {
                        if (event.key === "Escape") keep(passkey.id);
                      }}
                    >
                      <span>Remove it? You can no longer confirm it&apos;s you with it.</span>
                      <button
                        ref={confirmRef}
                        type="button"
                        className={buttonClass("danger")}
                        disabled={pending}
                        onClick={() => remove(passkey.id)}
                      >
                        {pending ? "Removing…" : `Yes, remove ${passkey.name}`}
                      </button>
                      <Button type="button" variant="ghost" disabled={pending} onClick={() => keep(passkey.id)}>
                        Keep it
                      </Button>
                    </div>
                  ) : (
                    <Button
                      id={`remove-${passkey.id}`}
                      type="button"
                      variant="secondary"
                      onClick={() => setConfirming(passkey.id)}
                      aria-label={`Remove ${passkey.name}`}
                    >
                      Remove
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <FormStatus result={result} />
      {result?.ok ? <OtherSessionsHint /> : null}
      {dialog}
    </div>
  );
}
