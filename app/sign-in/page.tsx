import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getCurrentUser, getPendingSignIn } from "@/lib/domain/auth/current-user";
import { demoPassword, demoUsers } from "@/lib/domain/auth/demo-users";
import { safeRedirectPath } from "@/lib/domain/auth/safe-redirect";
import { nextPathFor, signInStepPath } from "@/lib/domain/auth/sign-in-route";
import { appUrl, isSandbox } from "@/lib/platform/env";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeRedirectPath(typeof raw === "string" ? raw : null, appUrl, "");
  const user = await getCurrentUser();
  if (user) redirect(nextPathFor({ stage: "full" }, user.role, callbackUrl));
  const pending = await getPendingSignIn();
  if (pending) redirect(signInStepPath(pending.needs, callbackUrl));
  return (
    <main className="flex min-h-screen items-center justify-center p-4">
      <div className="w-full max-w-sm space-y-6">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sign in to Payments Ops</h1>
          <p className="mt-1 text-sm text-zinc-600 dark:text-zinc-400">
            Use the email address and password your administrator gave you.
          </p>
        </div>
        <SignInForm callbackUrl={callbackUrl} />
        {isSandbox ? (
          <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-xs text-amber-900 dark:border-amber-500/40 dark:bg-amber-500/10 dark:text-amber-200">
            <p className="font-medium">Sandbox mode: demo users (password {demoPassword})</p>
            <p className="mt-1">
              Each comes with an authenticator app secret: add it to your app (manual entry, base32) for the sign-in
              code.
            </p>
            <ul className="mt-1 space-y-0.5">
              {demoUsers.map((demo) => (
                <li key={demo.email}>
                  {demo.email} · {demo.role} · <span className="break-all font-mono">{demo.totpSecret}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </main>
  );
}
