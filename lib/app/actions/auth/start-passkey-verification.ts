"use server";

import { getSessionForSecondFactor } from "@/lib/domain/auth/current-user";
import { appRelyingParty } from "@/lib/domain/auth/mfa/app-relying-party";
import { startPasskeyAuthentication } from "@/lib/domain/auth/mfa/passkeys";
import { AppError } from "@/lib/platform/errors";
import { startPasskeyVerificationInput } from "@/lib/app/validation/passkeys";
import { defineSignInStepAction } from "./define-sign-in-step";

/** Issues the request options (challenge on the session) to confirm the session's user with one of their passkeys. */
// A sign-in step as well as a step-up: the pending session has no user for defineAction, so the
// session is taken (full, or pending with a factor to verify) by getSessionForSecondFactor.
export const startPasskeyVerificationAction = defineSignInStepAction({
  name: "startPasskeyVerification",
  session: "second-factor",
  input: startPasskeyVerificationInput,
  async run(_input, { db }) {
    const session = await getSessionForSecondFactor();
    if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const options = await startPasskeyAuthentication(
      db,
      appRelyingParty(),
      { userId: session.id, sessionId: session.sessionId },
      new Date(),
    );
    return { data: { options }, message: "Follow your browser's prompt to use your passkey." };
  },
});
