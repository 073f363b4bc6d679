"use server";

import { revalidatePath } from "next/cache";
import { removePasskey } from "@/lib/domain/auth/mfa/passkeys";
import { removePasskeyInput } from "@/lib/app/validation/passkeys";
import { hasStepUpFactor } from "@/lib/domain/auth/step-up-checks";
import { defineAction } from "../define-action";

export const removePasskeyAction = defineAction({
  name: "removePasskey",
  permission: "signed-in",
  // ASVS 7.5.1/7.5.2: a user who has a factor confirms it first; one without any is enrolling.
  stepUp: (_input, { db, user }) => hasStepUpFactor(db, user.id),
  input: removePasskeyInput,
  async run(input, { db, user, actor }) {
    const removed = await removePasskey(db, actor, user.id, input.credentialId);
    revalidatePath("/account");
    return { data: null, message: `Removed the passkey "${removed.name}".` };
  },
});
