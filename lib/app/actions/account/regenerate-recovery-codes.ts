"use server";

import { revalidatePath } from "next/cache";
import { regenerateRecoveryCodes } from "@/lib/domain/auth/mfa/enrolment";
import { regenerateRecoveryCodesInput } from "@/lib/app/validation/second-factor";
import { hasStepUpFactor } from "@/lib/domain/auth/step-up-checks";
import { defineAction } from "../define-action";

/** New recovery codes for the signed-in user; every old code stops working. */
export const regenerateRecoveryCodesAction = defineAction({
  name: "regenerateRecoveryCodes",
  permission: "signed-in",
  // ASVS 7.5.1/7.5.2: a user who has a factor confirms it first; one without any is enrolling.
  stepUp: (_input, { db, user }) => hasStepUpFactor(db, user.id),
  input: regenerateRecoveryCodesInput,
  async run(_input, { db, user, actor }) {
    const recoveryCodes = await regenerateRecoveryCodes(db, actor, user.id, new Date());
    revalidatePath("/account");
    return { data: { recoveryCodes }, message: "New recovery codes are ready; the old ones no longer work." };
  },
});
