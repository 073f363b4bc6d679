import type { ReactNode } from "react";
import { SignOutButton } from "@/components/shell/sign-out-button";

/** The frame of the second sign-in steps: who is signing in, the step, and a way out. */
export function SignInStepShell({
  title,
  email,
  children,
}: {
  title: string;
  email: string | null;
  children: ReactNode;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-md space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
          {email ? <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">Signing in as {email}</p> : null}
        </div>
        {children}
        {email ? (
          <div className="border-t border-zinc-200 pt-3 dark:border-zinc-800">
            <SignOutButton />
          </div>
        ) : null}
      </div>
    </main>
  );
}

/** Shown when the pending sign-in is gone (revoked after wrong codes, expired, or never started). */
export function SignInEnded() {
  return (
    <div className="space-y-3">
      <p>This sign-in has ended. Sign in again with your email and password.</p>
      <a href="/sign-in" className="text-indigo-700 underline dark:text-indigo-300">
        Sign in again
      </a>
    </div>
  );
}
