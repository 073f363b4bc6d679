"use server";

import { revalidatePath } from "next/cache";
import { revokeOwnSession } from "@/lib/domain/account/own-sessions";
import { revokeOwnSessionInput } from "@/lib/app/validation/account";
import { hasStepUpFactor } from "@/lib/domain/auth/step-up-checks";
import { defineAction } from "../define-action";

export const revokeOwnSessionAction = defineAction({
  name: "revokeOwnSession",
  permission: "signed-in",
  // ASVS 7.5.1/7.5.2: a user who has a factor confirms it first; one without any is enrolling.
  stepUp: (_input, { db, user }) => hasStepUpFactor(db, user.id),
  input: revokeOwnSessionInput,
  async run(input, { db, user, actor }) {
    const outcome = await revokeOwnSession(
      db,
      actor,
      { userId: user.id, sessionId: user.sessionId },
      input.sessionId,
      new Date(),
    );
    revalidatePath("/account");
    return {
      data: { sessionId: input.sessionId },
      message:
        outcome === "revoked"
          ? "That session was signed out; its next request goes to the sign-in page."
          : "That session had already ended.",
    };
  },
});
