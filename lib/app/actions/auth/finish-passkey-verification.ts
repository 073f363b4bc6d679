"use server";

import { auditActorFor, getSessionForSecondFactor } from "@/lib/domain/auth/current-user";
import { appRelyingParty } from "@/lib/domain/auth/mfa/app-relying-party";
import { finishPasskeyAuthentication } from "@/lib/domain/auth/mfa/passkeys";
import { safeRedirectPath } from "@/lib/domain/auth/safe-redirect";
import { nextPathFor } from "@/lib/domain/auth/sign-in-route";
import { appUrl } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { finishPasskeyVerificationInput } from "@/lib/app/validation/passkeys";
import { defineSignInStepAction } from "./define-sign-in-step";
import { continueInNewSession } from "./session-cookie";

/** Checks the passkey's answer; on success the session's second factor is marked (full at sign-in, fresh at a step-up). */
// A sign-in step as well as a step-up: the pending session has no user for defineAction, so the
// session is taken (full, or pending with a factor to verify) by getSessionForSecondFactor.
export const finishPasskeyVerificationAction = defineSignInStepAction({
  name: "finishPasskeyVerification",
  session: "second-factor",
  input: finishPasskeyVerificationInput,
  async run(input, { db }) {
    const session = await getSessionForSecondFactor();
    if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const now = new Date();
    const result = await finishPasskeyAuthentication(
      db,
      appRelyingParty(),
      await auditActorFor(session),
      { userId: session.id, sessionId: session.sessionId },
      input,
      now,
    );
    // Completing a sign-in (the session had no verified factor yet) starts a new session.
    if (!session.secondFactorAt) await continueInNewSession(db, session, now);
    // At sign-in the browser goes on to the page it asked for (same origin only); a step-up stays put.
    const next =
      input.purpose === "sign-in"
        ? nextPathFor({ stage: "full" }, session.role, safeRedirectPath(input.callbackUrl ?? null, appUrl, ""))
        : null;
    return {
      data: { verifiedAt: result.verifiedAt.toISOString(), next },
      message: `Confirmed with your passkey "${result.passkeyName}".`,
    };
  },
});
