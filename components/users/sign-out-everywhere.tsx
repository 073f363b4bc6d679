"use client";

import { useState } from "react";
import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { revokeUserSessionsAction } from "@/lib/app/actions/users/revoke-user-sessions";

/** ASVS 7.4.5: an admin ends every session of one user, after a confirmation step. */
export function SignOutEverywhere({
  userId,
  email,
  liveSessions,
}: {
  userId: string;
  email: string;
  liveSessions: number;
}) {
  const { result, onSubmit, pending, dialog } = useStepUpActionState(revokeUserSessionsAction);
  // The confirmation stays open only while no answer has come back since it was opened.
  const [openWhile, setOpenWhile] = useState<typeof result | "closed">("closed");
  const open = openWhile === result;
  const count = `${liveSessions} active ${liveSessions === 1 ? "session" : "sessions"}`;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center gap-3">
        <span className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="live-sessions">
          {count}
        </span>
        <Button
          type="button"
          variant="ghost"
          aria-expanded={open}
          onClick={() => setOpenWhile(open ? "closed" : result)}
        >
          Sign out everywhere…
        </Button>
      </div>
      {open ? (
        <form
          method="post"
          onSubmit={onSubmit}
          className="flex flex-wrap items-center gap-2"
          aria-label={`Sign ${email} out everywhere`}
        >
          <input type="hidden" name="userId" value={userId} />
          <p className="text-sm">
            Sign {email} out of every browser ({count} now)? They can sign in again.
          </p>
          <Button type="submit" variant="danger" disabled={pending} autoFocus>
            Sign out everywhere
          </Button>
          <Button type="button" variant="secondary" onClick={() => setOpenWhile("closed")}>
            Cancel
          </Button>
        </form>
      ) : null}
      {result ? <FormStatus result={result} /> : null}
      {dialog}
    </div>
  );
}
