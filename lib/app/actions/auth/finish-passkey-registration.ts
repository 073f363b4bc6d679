"use server";

import { revalidatePath } from "next/cache";
import { appRelyingParty } from "@/lib/domain/auth/mfa/app-relying-party";
import { finishPasskeyRegistration } from "@/lib/domain/auth/mfa/passkeys";
import { finishPasskeyRegistrationInput } from "@/lib/app/validation/passkeys";
import { defineAction } from "../define-action";

export const finishPasskeyRegistrationAction = defineAction({
  name: "finishPasskeyRegistration",
  permission: "signed-in",
  input: finishPasskeyRegistrationInput,
  async run(input, { db, user, actor }) {
    const passkey = await finishPasskeyRegistration(
      db,
      appRelyingParty(),
      actor,
      { userId: user.id, sessionId: user.sessionId },
      input,
      new Date(),
    );
    revalidatePath("/account");
    return { data: { id: passkey.id, name: passkey.name }, message: `Added the passkey "${passkey.name}".` };
  },
});
