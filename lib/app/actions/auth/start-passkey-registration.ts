"use server";

import { appRelyingParty } from "@/lib/domain/auth/mfa/app-relying-party";
import { startPasskeyRegistration } from "@/lib/domain/auth/mfa/passkeys";
import { startPasskeyRegistrationInput } from "@/lib/app/validation/passkeys";
import { hasStepUpFactor } from "@/lib/domain/auth/step-up-checks";
import { defineAction } from "../define-action";

/** Issues the creation options (and stores their challenge on the session) for a new passkey of the user. */
export const startPasskeyRegistrationAction = defineAction({
  name: "startPasskeyRegistration",
  permission: "signed-in",
  // ASVS 7.5.1/7.5.2: a user who has a factor confirms it first; one without any is enrolling.
  stepUp: (_input, { db, user }) => hasStepUpFactor(db, user.id),
  // The name is checked here too, so a bad one is refused before the user touches their authenticator.
  input: startPasskeyRegistrationInput,
  async run(_input, { db, user }) {
    const options = await startPasskeyRegistration(
      db,
      appRelyingParty(),
      { userId: user.id, sessionId: user.sessionId, email: user.email, name: user.name },
      new Date(),
    );
    return { data: { options }, message: "Follow your browser's prompt to create the passkey." };
  },
});
