"use server";

import { getSessionForSecondFactor } from "@/lib/auth/current-user";
import { appRelyingParty } from "@/lib/auth/mfa/app-relying-party";
import { startPasskeyAuthentication } from "@/lib/auth/mfa/passkeys";
import { AppError } from "@/lib/errors";
import { startPasskeyVerificationInput } from "@/lib/validation/passkeys";
import { defineAction } from "../define-action";

/** Issues the request options (challenge on the session) to confirm the session's user with one of their passkeys. */
export const startPasskeyVerificationAction = defineAction({
  name: "startPasskeyVerification",
  permission: "signed-in",
  input: startPasskeyVerificationInput,
  async run(_input, { db }) {
    const session = await getSessionForSecondFactor();
    if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const options = await startPasskeyAuthentication(db, appRelyingParty(), { userId: session.id, sessionId: session.sessionId }, new Date());
    return { data: { options }, message: "Follow your browser's prompt to use your passkey." };
  },
});
