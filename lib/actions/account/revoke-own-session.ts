"use server";

import { revalidatePath } from "next/cache";
import { revokeOwnSession } from "@/lib/account/own-sessions";
import { revokeOwnSessionSchema } from "@/lib/validation/account";
import { defineAction } from "../define-action";

// step-up: add stepUp: true at merge (ASVS 7.5.2 asks for a fresh factor before ending sessions).
export const revokeOwnSessionAction = defineAction({
  name: "revokeOwnSession",
  permission: "signed-in",
  input: revokeOwnSessionSchema,
  async run(input, { db, user, actor }) {
    const outcome = await revokeOwnSession(db, actor, { userId: user.id, sessionId: user.sessionId }, input.sessionId, new Date());
    revalidatePath("/account");
    return {
      data: { sessionId: input.sessionId },
      message: outcome === "revoked" ? "That session was signed out; its next request goes to the sign-in page." : "That session had already ended.",
    };
  },
});
