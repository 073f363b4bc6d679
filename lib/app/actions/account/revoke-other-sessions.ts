"use server";

import { revalidatePath } from "next/cache";
import { revokeOtherSessions } from "@/lib/domain/account/own-sessions";
import { sessionPolicy } from "@/lib/domain/auth/session-policy";
import { revokeOtherSessionsInput } from "@/lib/app/validation/account";
import { hasStepUpFactor } from "@/lib/domain/auth/step-up-checks";
import { defineAction } from "../define-action";

export const revokeOtherSessionsAction = defineAction({
  name: "revokeOtherSessions",
  permission: "signed-in",
  // ASVS 7.5.1/7.5.2: a user who has a factor confirms it first; one without any is enrolling.
  stepUp: (_input, { db, user }) => hasStepUpFactor(db, user.id),
  input: revokeOtherSessionsInput,
  async run(_input, { db, user, actor }) {
    const ended = await revokeOtherSessions(
      db,
      actor,
      { userId: user.id, sessionId: user.sessionId },
      sessionPolicy(),
      new Date(),
    );
    revalidatePath("/account");
    const message =
      ended === 0
        ? "You had no other active sessions; this one stays signed in."
        : `Signed out ${ended} other ${ended === 1 ? "session" : "sessions"}; this one stays signed in.`;
    return { data: { endedSessions: ended }, message };
  },
});
