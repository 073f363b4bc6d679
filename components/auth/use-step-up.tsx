"use client";

import { useActionState, useCallback, useRef, useState, type FormEvent, type ReactNode } from "react";
import { submitWithoutReset } from "@/components/ui/use-kept-form-action";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { StepUpDialog, type StepUpRequest } from "./step-up-dialog";

/** The answer a form shows after the user closed the step-up dialog without a code. */
export const stepUpCancelled = {
  ok: false,
  code: "STEP_UP_REQUIRED",
  message: "Nothing was changed: this needs a code from your authenticator app.",
} as const satisfies ActionResult<never>;

export const needsStepUp = (answer: ActionResult<unknown>): answer is Extract<ActionResult<unknown>, { ok: false }> =>
  !answer.ok && answer.code === "STEP_UP_REQUIRED";

/**
 * The dialog and a promise-returning `ask(message)`: true once the server accepted a code,
 * false when the user cancelled. Render `dialog` anywhere outside the caller's <form>.
 */
export function useStepUp(): { ask: (message: string) => Promise<boolean>; dialog: ReactNode } {
  const [request, setRequest] = useState<StepUpRequest | null>(null);
  // Mounted on first use only: a page with many guarded forms (the users list) carries no idle dialogs.
  const [mounted, setMounted] = useState(false);
  const resolver = useRef<((confirmed: boolean) => void) | null>(null);
  const ask = useCallback((message: string) => {
    resolver.current?.(false);
    setMounted(true);
    setRequest({ message });
    return new Promise<boolean>((resolve) => {
      resolver.current = resolve;
    });
  }, []);
  const onDone = useCallback((confirmed: boolean) => {
    resolver.current?.(confirmed);
    resolver.current = null;
    setRequest(null);
  }, []);
  return { ask, dialog: mounted ? <StepUpDialog request={request} onDone={onDone} /> : null };
}

type FormAction<Data> = (previous: ActionResult<Data> | null, formData: FormData) => Promise<ActionResult<Data>>;

/**
 * useActionState for a form whose action may need a step-up. The form submits through onSubmit
 * (not `action`, which React resets after every answer), so what the user typed stays on a
 * refusal and on cancel. When the action answers STEP_UP_REQUIRED the dialog asks for a code and,
 * once accepted, the same FormData is submitted again: nothing retyped, nothing lost. A form the
 * action accepted is cleared, as before.
 */
export function useStepUpActionState<Data>(action: FormAction<Data>, options: { resetOnSuccess?: boolean } = {}) {
  const { ask, dialog } = useStepUp();
  const formRef = useRef<HTMLFormElement | null>(null);
  const resetOnSuccess = options.resetOnSuccess ?? true;
  const [result, dispatch, pending] = useActionState<ActionResult<Data> | null, FormData>(
    async (previous, formData) => {
      let answer = await action(previous, formData);
      if (needsStepUp(answer)) {
        if (!(await ask(answer.message))) return stepUpCancelled;
        answer = await action(previous, formData);
      }
      if (answer.ok && resetOnSuccess) formRef.current?.reset();
      return answer;
    },
    null,
  );

  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) =>
      submitWithoutReset(dispatch, (form) => {
        formRef.current = form;
      })(event),
    [dispatch],
  );

  return { result, pending, onSubmit, dialog };
}
