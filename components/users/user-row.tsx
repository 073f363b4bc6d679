"use client";

import { useState } from "react";
import { useStepUpActionState } from "@/components/auth/use-step-up";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/form-status";
import { inputClass } from "@/components/ui/field";
import { changeUserRoleAction } from "@/lib/app/actions/users/change-user-role";
import { resetUserFactorsAction } from "@/lib/app/actions/users/reset-user-factors";
import { resetUserPasswordAction } from "@/lib/app/actions/users/reset-user-password";
import { setUserDisabledAction } from "@/lib/app/actions/users/set-user-disabled";
import type { Role } from "@/lib/domain/auth/permissions";
import { RoleOptions } from "./role-options";
import { SignOutEverywhere } from "./sign-out-everywhere";

export interface UserRowData {
  id: string;
  email: string;
  name: string;
  role: Role;
  disabled: boolean;
  isSelf: boolean;
}

export function UserRow({ user, liveSessions = 0 }: { user: UserRowData; liveSessions?: number }) {
  // Every change here needs a fresh second factor; each form brings its own step-up dialog.
  const {
    result: roleResult,
    onSubmit: changeRole,
    pending: rolePending,
    dialog: roleStepUp,
  } = useStepUpActionState(changeUserRoleAction, { resetOnSuccess: false });
  const {
    result: disableResult,
    onSubmit: toggleDisabled,
    pending: disablePending,
    dialog: disableStepUp,
  } = useStepUpActionState(setUserDisabledAction);
  const {
    result: resetResult,
    onSubmit: resetPassword,
    pending: resetPending,
    dialog: resetStepUp,
  } = useStepUpActionState(resetUserPasswordAction);
  const [showReset, setShowReset] = useState(false);
  const {
    result: factorsResult,
    onSubmit: resetFactors,
    pending: factorsPending,
    dialog: factorsStepUp,
  } = useStepUpActionState(resetUserFactorsAction);
  const [confirmFactorsReset, setConfirmFactorsReset] = useState(false);

  return (
    <li className="space-y-3 py-4" data-testid={`user-${user.email}`}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div>
          <p className="font-medium">
            {user.name} {user.isSelf ? <span className="text-xs text-zinc-500 dark:text-zinc-400">(you)</span> : null}
          </p>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">{user.email}</p>
        </div>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-medium ${
            user.disabled
              ? "bg-zinc-200 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300"
              : "bg-emerald-100 text-emerald-800 dark:bg-emerald-500/15 dark:text-emerald-300"
          }`}
        >
          {user.disabled ? "Disabled" : "Active"}
        </span>
      </div>
      <div className="flex flex-wrap items-end gap-3">
        <form method="post" onSubmit={changeRole} className="flex items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="text-sm">
            <span className="block">Role</span>
            <select name="role" defaultValue={user.role} className={inputClass} aria-label={`Role of ${user.email}`}>
              <RoleOptions />
            </select>
          </label>
          <Button type="submit" variant="secondary" disabled={rolePending}>
            Save role
          </Button>
        </form>
        <form method="post" onSubmit={toggleDisabled}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="disabled" value={user.disabled ? "false" : "true"} />
          <Button
            type="submit"
            variant={user.disabled ? "secondary" : "danger"}
            disabled={disablePending || (user.isSelf && !user.disabled)}
          >
            {user.disabled ? "Enable" : "Disable"}
          </Button>
        </form>
        <Button type="button" variant="ghost" aria-expanded={showReset} onClick={() => setShowReset((v) => !v)}>
          Reset password
        </Button>
        {user.isSelf ? null : (
          <Button
            type="button"
            variant="ghost"
            aria-expanded={confirmFactorsReset}
            onClick={() => setConfirmFactorsReset((v) => !v)}
          >
            Reset second factor
          </Button>
        )}
      </div>
      {confirmFactorsReset ? (
        <form
          method="post"
          onSubmit={resetFactors}
          className="space-y-2 rounded-md border border-red-200 p-3 dark:border-red-500/40"
          aria-label={`Reset second factor of ${user.email}`}
        >
          <input type="hidden" name="userId" value={user.id} />
          <p className="text-sm">
            This removes the authenticator app, recovery codes and passkeys of {user.email} and signs them out
            everywhere. If their role needs a second factor, they set up a new one at their next sign-in.
          </p>
          <Button type="submit" variant="danger" disabled={factorsPending}>
            Confirm reset
          </Button>
        </form>
      ) : null}
      {showReset ? (
        <form method="post" onSubmit={resetPassword} className="flex flex-wrap items-end gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label className="text-sm">
            <span className="block">New password for {user.email}</span>
            <input name="password" type="password" autoComplete="new-password" className={inputClass} />
          </label>
          <Button type="submit" variant="secondary" disabled={resetPending}>
            Set password
          </Button>
        </form>
      ) : null}
      <SignOutEverywhere userId={user.id} email={user.email} liveSessions={liveSessions} />
      {[roleResult, disableResult, resetResult, factorsResult].map((result, index) =>
        result ? <FormStatus key={index} result={result} /> : null,
      )}
      {roleStepUp}
      {disableStepUp}
      {resetStepUp}
      {factorsStepUp}
    </li>
  );
}
