"use client";

import { RouteError } from "@/components/shell/route-error";

/** A failure while signing in: nobody is signed in yet, so the way back is the sign-in page, not the dashboard. */
export default function SignInError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main>
      <RouteError error={error} retry={retry} homeHref="/sign-in" homeLabel="Back to sign-in" />
    </main>
  );
}
