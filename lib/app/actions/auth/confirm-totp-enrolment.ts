"use server";

import { confirmTotpEnrolment } from "@/lib/domain/auth/mfa/enrolment";
import { AppError } from "@/lib/platform/errors";
import { confirmTotpInput } from "@/lib/app/validation/second-factor";
import { defineSignInStepAction } from "./define-sign-in-step";
import { continueInNewSession } from "./session-cookie";

/**
 * Forced enrolment at sign-in: the code confirms the offered authenticator secret, the session
 * becomes full, and the recovery codes come back once for the page to show.
 */
export const confirmTotpEnrolmentAction = defineSignInStepAction({
  name: "confirmTotpEnrolment",
  session: "pending",
  input: confirmTotpInput,
  async run(input, { db, meta, pending }) {
    const { user } = pending;
    if (pending.needs !== "enrol")
      throw new AppError("CONFLICT", "You already have a second factor. Verify it to sign in.");
    const actor = { userId: user.id, email: user.email, role: user.role, ...meta };
    const now = new Date();
    const result = await confirmTotpEnrolment(
      db,
      actor,
      { sessionId: user.sessionId, userId: user.id },
      input.code,
      { markSession: true },
      now,
    );
    if (!result.ok)
      throw new AppError(
        "VALIDATION_FAILED",
        "That code does not match. Type the six digits your app shows now for Payments Ops.",
      );
    await continueInNewSession(db, user, now);
    return { data: { recoveryCodes: result.recoveryCodes ?? [] }, message: "Your authenticator app is set up." };
  },
});
