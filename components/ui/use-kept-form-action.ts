"use client";

import { startTransition, useActionState, useCallback, type FormEvent } from "react";

/**
 * A submit handler that hands the form's data (with the button that sent it) to `dispatch` in a
 * transition, instead of `<form action>`, which React 19 resets after every answer: what the user
 * typed stays. Give the form method="post" as well, so a click before hydration never is a GET.
 */
export function submitWithoutReset(dispatch: (formData: FormData) => void, onForm?: (form: HTMLFormElement) => void) {
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    onForm?.(form);
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const formData = new FormData(form, submitter instanceof HTMLElement ? submitter : null);
    startTransition(() => dispatch(formData));
  };
}

/** useActionState for a form that must keep what was typed after any answer (submitWithoutReset). */
export function useKeptFormAction<Result>(action: (previous: Result | null, formData: FormData) => Promise<Result>) {
  const [result, dispatch, pending] = useActionState<Result | null, FormData>(action, null);
  const onSubmit = useCallback((event: FormEvent<HTMLFormElement>) => submitWithoutReset(dispatch)(event), [dispatch]);
  return { result, pending, onSubmit };
}
