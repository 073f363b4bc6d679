"use server";

import { revalidatePath } from "next/cache";
import { sessionPolicy } from "@/lib/domain/auth/session-policy";
import { revokeUserSessions } from "@/lib/domain/users/user-sessions";
import { revokeUserSessionsInput } from "@/lib/app/validation/account";
import { defineAction } from "../define-action";

export const revokeUserSessionsAction = defineAction({
  name: "revokeUserSessions",
  permission: "users:manage",
  stepUp: true,
  input: revokeUserSessionsInput,
  async run(input, { db, user, actor }) {
    const result = await revokeUserSessions(db, actor, input, sessionPolicy(), new Date());
    revalidatePath("/users");
    const sessions = `${result.liveSessions} active ${result.liveSessions === 1 ? "session" : "sessions"}`;
    const self = input.userId === user.id ? ", including this one" : "";
    return {
      data: { liveSessions: result.liveSessions },
      message: `Signed ${result.email} out everywhere (${sessions} ended${self}); they can sign in again.`,
    };
  },
});
