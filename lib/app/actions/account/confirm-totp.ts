"use server";

import { revalidatePath } from "next/cache";
import { confirmTotpEnrolment } from "@/lib/domain/auth/mfa/enrolment";
import { hasStepUpFactor } from "@/lib/domain/auth/step-up-checks";
import { AppError } from "@/lib/platform/errors";
import { confirmTotpInput } from "@/lib/app/validation/second-factor";
import { defineAction } from "../define-action";

/** Sets up or replaces the signed-in user's own authenticator app (Account page), any role. */
export const confirmTotpAction = defineAction({
  name: "confirmTotp",
  permission: "signed-in",
  input: confirmTotpInput,
  // Replacing the app (or adding one beside a passkey) needs the factor the user has now, fresh.
  stepUp: (_input, { db, user }) => hasStepUpFactor(db, user.id),
  async run(input, { db, user, actor }) {
    // A session that never verified a factor (a role without MFA) proves the new one here; without
    // the mark it would turn pending on its next request. A verified session keeps its own time.
    const markSession = user.secondFactorAt === null;
    const result = await confirmTotpEnrolment(
      db,
      actor,
      { sessionId: user.sessionId, userId: user.id },
      input.code,
      { markSession },
      new Date(),
    );
    if (!result.ok)
      throw new AppError(
        "VALIDATION_FAILED",
        "That code does not match. Type the six digits your app shows now for Payments Ops.",
      );
    revalidatePath("/account");
    return {
      data: { recoveryCodes: result.recoveryCodes ?? [] },
      message: result.replaced
        ? "Your authenticator app was replaced; the old one no longer works."
        : "Your authenticator app is set up.",
    };
  },
});
