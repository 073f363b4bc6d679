import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInEnded, SignInStepShell } from "@/components/auth/sign-in-step-shell";
import { TotpEnrolment } from "@/components/auth/totp-enrolment";
import { confirmTotpEnrolmentAction } from "@/lib/app/actions/auth/confirm-totp-enrolment";
import { getCurrentUser, getPendingSignIn } from "@/lib/domain/auth/current-user";
import { totpOfferFor } from "@/lib/domain/auth/mfa/enrolment-offer";
import { safeRedirectPath } from "@/lib/domain/auth/safe-redirect";
import { nextPathFor, signInStepPath } from "@/lib/domain/auth/sign-in-route";
import { getDb } from "@/lib/platform/db/client";
import { appUrl } from "@/lib/platform/env";

export const metadata: Metadata = { title: "Set up your authenticator app" };

/**
 * Forced enrolment: a role that requires a second factor and has none sets up an authenticator
 * app before the session becomes full. Once it is confirmed the session is full, and the same
 * page keeps showing the recovery codes (from the confirm result) until the user continues.
 */
export default async function EnrolPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const raw = (await searchParams).callbackUrl;
  const callbackUrl = safeRedirectPath(typeof raw === "string" ? raw : null, appUrl, "");
  const title = "Set up your authenticator app";
  const pending = await getPendingSignIn();
  if (pending?.needs === "verify") redirect(signInStepPath("verify", callbackUrl));
  const full = pending ? null : await getCurrentUser();
  if (!pending && !full) {
    return (
      <SignInStepShell title={title} email={null}>
        <SignInEnded />
      </SignInStepShell>
    );
  }
  const user = (pending?.user ?? full)!;
  const continueHref = nextPathFor({ stage: "full" }, user.role, callbackUrl);
  return (
    <SignInStepShell title={title} email={user.email}>
      {pending ? (
        <p className="text-sm">
          Your role needs a second factor at every sign-in. Set up an authenticator app to continue.
        </p>
      ) : null}
      <TotpEnrolment
        setup={pending ? await totpOfferFor(getDb(), pending.user) : null}
        action={confirmTotpEnrolmentAction}
        callbackUrl={callbackUrl}
        continueHref={continueHref}
        continueLabel="Continue"
      />
    </SignInStepShell>
  );
}
