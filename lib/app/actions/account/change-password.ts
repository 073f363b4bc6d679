"use server";

import { revalidatePath } from "next/cache";
import { changeOwnPassword } from "@/lib/domain/account/change-password";
import { sessionPolicy } from "@/lib/domain/auth/session-policy";
import { changePasswordInput } from "@/lib/app/validation/account";
import { defineAction } from "../define-action";

export const changePasswordAction = defineAction({
  name: "changePassword",
  permission: "signed-in",
  input: changePasswordInput,
  async run(input, { db, user, actor }) {
    const ended = await changeOwnPassword(
      db,
      actor,
      { userId: user.id, sessionId: user.sessionId },
      input,
      sessionPolicy(),
      new Date(),
    );
    revalidatePath("/account");
    const others =
      ended === 0
        ? "you had no other sessions to sign out"
        : `your ${ended} other ${ended === 1 ? "session was" : "sessions were"} signed out`;
    return {
      data: { endedOtherSessions: ended },
      message: `Password changed; ${others}, and this one stays signed in.`,
    };
  },
});
