import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInEnded, SignInStepShell } from "@/components/auth/sign-in-step-shell";
import { PasskeyVerifyButton } from "@/components/auth/passkey-verify-button";
import { VerifySecondFactor } from "@/components/auth/verify-second-factor";
import { getCurrentUser, getPendingSignIn } from "@/lib/domain/auth/current-user";
import { factorStatusOf } from "@/lib/domain/auth/mfa/factor-status";
import { safeRedirectPath } from "@/lib/domain/auth/safe-redirect";
import { nextPathFor, signInStepPath } from "@/lib/domain/auth/sign-in-route";
import { getDb } from "@/lib/platform/db/client";
import { appUrl } from "@/lib/platform/env";

export const metadata: Metadata = { title: "Verify it's you" };

export default async function VerifyPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeRedirectPath(typeof raw === "string" ? raw : null, appUrl, "");
  const pending = await getPendingSignIn();
  if (!pending) {
    const user = await getCurrentUser();
    if (user) redirect(nextPathFor({ stage: "full" }, user.role, callbackUrl));
    return (
      <SignInStepShell title="Verify it's you" email={null}>
        <SignInEnded />
      </SignInStepShell>
    );
  }
  if (pending.needs === "enrol") redirect(signInStepPath("enrol", callbackUrl));
  const factors = await factorStatusOf(getDb(), pending.user.id);
  return (
    <SignInStepShell title="Verify it's you" email={pending.user.email}>
      <VerifySecondFactor callbackUrl={callbackUrl} hasTotp={factors.totp}>
        {factors.passkeys > 0 ? <PasskeyVerifyButton purpose="sign-in" callbackUrl={callbackUrl} /> : null}
      </VerifySecondFactor>
    </SignInStepShell>
  );
}
