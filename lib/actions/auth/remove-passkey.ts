"use server";

import { revalidatePath } from "next/cache";
import { removePasskey } from "@/lib/auth/mfa/passkeys";
import { removePasskeyInput } from "@/lib/validation/passkeys";
import { defineAction } from "../define-action";

export const removePasskeyAction = defineAction({
  name: "removePasskey",
  permission: "signed-in",
  input: removePasskeyInput,
  async run(input, { db, user, actor }) {
    const removed = await removePasskey(db, actor, user.id, input.credentialId);
    revalidatePath("/account");
    return { data: null, message: `Removed the passkey "${removed.name}".` };
  },
});
