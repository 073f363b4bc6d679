"use server";

import { recordAudit } from "@/lib/domain/audit/record-audit";
import { endStepUpWindow } from "@/lib/domain/auth/mfa/second-factor";
import { stepUpMaxAgeMs } from "@/lib/domain/auth/step-up-checks";
import { endStepUpInput } from "@/lib/app/validation/action-inputs";
import { defineAction } from "../define-action";

/** "Ask for my second factor again": the user leaving their desk ends the step-up window at once. */
export const endStepUpAction = defineAction({
  name: "endStepUp",
  permission: "signed-in",
  input: endStepUpInput,
  async run(_input, { db, user, actor }) {
    await db.transaction(async (tx) => {
      await endStepUpWindow(tx, user.sessionId, stepUpMaxAgeMs(), new Date());
      await recordAudit(tx, actor, { action: "auth.step_up_ended", targetType: "session", targetId: user.sessionId });
    });
    return { data: null, message: "Sensitive actions will ask for your second factor again." };
  },
});
