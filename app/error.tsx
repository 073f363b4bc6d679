"use client";

import { RouteError } from "@/components/shell/route-error";

/** A failure outside the dashboard (sign-in, payment completion): a page of its own, with its main landmark. */
export default function RootError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <main>
      <RouteError error={error} retry={retry} />
    </main>
  );
}
