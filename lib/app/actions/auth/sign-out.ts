"use server";

import { recordAudit } from "@/lib/domain/audit/record-audit";
import { revokeSession } from "@/lib/domain/auth/sessions";
import { signOutInput } from "@/lib/app/validation/action-inputs";
import { defineAction } from "../define-action";

/**
 * Ends the session on the server (and audits it with the request's address) before the browser
 * drops its cookie, so a copied cookie is worthless from this moment on.
 */
export const signOutAction = defineAction({
  name: "signOut",
  permission: "signed-in",
  input: signOutInput,
  async run(_input, { db, user, actor }) {
    await db.transaction(async (tx) => {
      if (await revokeSession(tx, user.sessionId, "signed_out", new Date())) {
        await recordAudit(tx, actor, { action: "auth.sign_out", targetType: "session", targetId: user.sessionId });
      }
    });
    return { data: null, message: "Signed out." };
  },
});
