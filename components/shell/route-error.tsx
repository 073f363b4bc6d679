"use client";

import Link from "next/link";
import { buttonClass } from "@/components/ui/button";

/**
 * What an error boundary shows: that the page failed on our side, what to do next, and the
 * server's error reference (a digest, not the message, which production never sends).
 */
export function RouteError({
  error,
  retry,
  advice,
  homeHref = "/",
  homeLabel = "Back to your dashboard",
}: {
  error: unknown;
  retry: () => void;
  advice?: string;
  /** null: no way back to offer (a customer's page, outside the dashboard). */
  homeHref?: string | null;
  homeLabel?: string;
}) {
  const digest = error instanceof Error && "digest" in error && typeof error.digest === "string" ? error.digest : null;
  return (
    <div className="mx-auto max-w-xl p-8" role="alert">
      <h1 className="text-2xl font-semibold">This page could not be shown</h1>
      <p className="mt-2 text-zinc-700 dark:text-zinc-300">
        Something failed on our side while loading it. Try again in a moment; if it keeps failing, tell an administrator
        {digest ? ` and quote reference ${digest}` : ""}.
      </p>
      {advice ? <p className="mt-2 text-zinc-700 dark:text-zinc-300">{advice}</p> : null}
      <div className="mt-4 flex flex-wrap gap-3">
        <button type="button" onClick={() => retry()} className={buttonClass("primary")}>
          Try again
        </button>
        {homeHref ? (
          <Link href={homeHref} className={buttonClass("secondary")}>
            {homeLabel}
          </Link>
        ) : null}
      </div>
    </div>
  );
}
