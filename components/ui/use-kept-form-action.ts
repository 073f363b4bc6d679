"use client";

import { startTransition, useActionState, useCallback, type FormEvent } from "react";

/**
 * useActionState for a form that must keep what was typed after any answer: it submits through
 * onSubmit, never `<form action>` (which React 19 resets after every answer). Give the form
 * method="post" as well, so a click before hydration never turns into a GET.
 */
export function useKeptFormAction<Result>(action: (previous: Result | null, formData: FormData) => Promise<Result>) {
  const [result, dispatch, pending] = useActionState<Result | null, FormData>(action, null);
  const onSubmit = useCallback(
    (event: FormEvent<HTMLFormElement>) => {
      event.preventDefault();
      const submitter = (event.nativeEvent as SubmitEvent).submitter;
      const formData = new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : null);
      startTransition(() => dispatch(formData));
    },
    [dispatch],
  );
  return { result, pending, onSubmit };
}
