"use client";

import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { UtcTime } from "@/components/ui/utc-time";
import type { ActionResult } from "@/lib/app/actions/action-result";
import { revokeOtherSessionsAction } from "@/lib/app/actions/account/revoke-other-sessions";
import { revokeOwnSessionAction } from "@/lib/app/actions/account/revoke-own-session";

export interface SessionRowData {
  id: string;
  device: string;
  ip: string;
  createdAt: Date;
  lastSeenAt: Date;
  isCurrent: boolean;
}

type Result = ActionResult<unknown>;

/** One status line for both buttons (the row a result is about may have left the list). */
function revoke(_previous: Result | null, form: FormData): Promise<Result> {
  return form.has("sessionId") ? revokeOwnSessionAction(null, form) : revokeOtherSessionsAction(null, form);
}

export function SessionList({ sessions }: { sessions: SessionRowData[] }) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState(revoke, { resetOnSuccess: false });
  const others = sessions.filter((s) => !s.isCurrent).length;
  return (
    <div className="space-y-3">
      <ul className="divide-y divide-zinc-200 dark:divide-zinc-800" aria-label="Your active sessions">
        {sessions.map((session) => (
          <li key={session.id} className="flex flex-wrap items-center justify-between gap-3 py-3" data-testid="session">
            <div className="text-sm">
              <p className="font-medium">
                {session.device}
                {session.isCurrent ? (
                  <span className="ml-2 rounded-full bg-indigo-100 px-2 py-0.5 text-xs font-medium text-indigo-800 dark:bg-indigo-500/15 dark:text-indigo-300">
                    This session
                  </span>
                ) : null}
              </p>
              <p className="text-zinc-600 dark:text-zinc-400">
                {session.ip} · signed in <UtcTime value={session.createdAt} /> · last seen{" "}
                <UtcTime value={session.lastSeenAt} />
              </p>
            </div>
            {session.isCurrent ? null : (
              <form method="post" onSubmit={onSubmit}>
                <input type="hidden" name="sessionId" value={session.id} />
                <Button
                  type="submit"
                  variant="secondary"
                  disabled={pending}
                  aria-label={`Sign out ${session.device}, last seen ${session.lastSeenAt.toISOString()}`}
                >
                  Sign out
                </Button>
              </form>
            )}
          </li>
        ))}
      </ul>
      <div className="flex flex-wrap items-center gap-4">
        <form method="post" onSubmit={onSubmit}>
          <Button type="submit" variant="danger" disabled={pending || others === 0}>
            Sign out all other sessions
          </Button>
        </form>
        <FormStatus result={result} />
      </div>
      {dialog}
    </div>
  );
}
