"use client";

import { useState, type MouseEvent, type ReactNode } from "react";
import { checkStepUpAction } from "@/lib/app/actions/auth/check-step-up";
import { needsStepUp, stepUpCancelled, useStepUp } from "./use-step-up";

/** Starts a file download the way a plain link would (the server's content-disposition names the file). */
function download(href: string): void {
  const anchor = document.createElement("a");
  anchor.href = href;
  anchor.download = "";
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
}

/**
 * An export link that needs a fresh second factor. A file download cannot show a dialog, so the
 * click asks the server first (checkStepUp); when the factor is stale the step-up dialog asks for
 * a code and the download starts once it is accepted. The export route checks freshness again.
 */
export function StepUpDownloadLink({
  href,
  className,
  children,
}: {
  href: string;
  className?: string;
  children: ReactNode;
}) {
  const { ask, dialog } = useStepUp();
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onClick(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setMessage(null);
    try {
      let answer = await checkStepUpAction(null, {});
      if (needsStepUp(answer)) {
        if (!(await ask(answer.message))) {
          setMessage(stepUpCancelled.message);
          return;
        }
        answer = await checkStepUpAction(null, {});
      }
      if (answer.ok) download(href);
      else setMessage(answer.message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <a href={href} download onClick={onClick} className={className} aria-busy={busy || undefined}>
        {children}
      </a>
      {message ? (
        <span role="status" className="max-w-xs text-right text-xs text-red-600 dark:text-red-400">
          {message}
        </span>
      ) : null}
      {dialog}
    </span>
  );
}
