"use server";

import { auditActorFor, getSessionForSecondFactor } from "@/lib/auth/current-user";
import { appRelyingParty } from "@/lib/auth/mfa/app-relying-party";
import { finishPasskeyAuthentication } from "@/lib/auth/mfa/passkeys";
import { AppError } from "@/lib/errors";
import { finishPasskeyVerificationInput } from "@/lib/validation/passkeys";
import { defineAction } from "../define-action";

/** Checks the passkey's answer; on success the session's second factor is marked (full at sign-in, fresh at a step-up). */
export const finishPasskeyVerificationAction = defineAction({
  name: "finishPasskeyVerification",
  permission: "signed-in",
  input: finishPasskeyVerificationInput,
  async run(input, { db }) {
    const session = await getSessionForSecondFactor();
    if (!session) throw new AppError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    const result = await finishPasskeyAuthentication(db, appRelyingParty(), await auditActorFor(session), { userId: session.id, sessionId: session.sessionId }, input, new Date());
    return { data: { verifiedAt: result.verifiedAt.toISOString() }, message: `Confirmed with your passkey "${result.passkeyName}".` };
  },
});
