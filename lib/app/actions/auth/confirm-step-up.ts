"use server";

import { recordAudit } from "@/lib/domain/audit/record-audit";
import { verifyTypedSecondFactor } from "@/lib/domain/auth/mfa/second-factor";
import { confirmStepUpInput } from "@/lib/app/validation/action-inputs";
import { AppError } from "@/lib/platform/errors";
import { defineAction } from "../define-action";

const refusals = {
  invalid: "That code is not right. Check your authenticator app and try again.",
  reused: "That code was already used. Wait for the next code in your authenticator app and enter it.",
  not_enrolled: "You have no authenticator app set up yet. Set one up on the Account page first.",
  locked: "Too many wrong codes: you were signed out to protect the account. Sign in again.",
} as const;

/**
 * The step-up dialog's answer: checks the code for this session's user and, when it is right,
 * marks the session's second factor as just verified, so the action the user was doing goes on.
 * Five wrong answers in a session revoke it (verifyTypedSecondFactor). Audited either way, in
 * the same transaction as the mark or the failure count.
 */
export const confirmStepUpAction = defineAction({
  name: "confirmStepUp",
  permission: "signed-in",
  input: confirmStepUpInput,
  async run(input, { db, user, actor }) {
    const result = await db.transaction(async (tx) => {
      const answer = await verifyTypedSecondFactor(
        tx,
        { sessionId: user.sessionId, userId: user.id },
        input,
        new Date(),
      );
      await recordAudit(tx, actor, {
        action: answer.ok ? "auth.step_up_verified" : "auth.step_up_failed",
        targetType: "session",
        targetId: user.sessionId,
        after: answer.ok ? { method: answer.method } : { kind: input.kind, reason: answer.reason },
      });
      return answer;
    });
    if (!result.ok) {
      const code =
        result.reason === "locked"
          ? "UNAUTHENTICATED"
          : result.reason === "not_enrolled"
            ? "CONFLICT"
            : "VALIDATION_FAILED";
      throw new AppError(
        code,
        refusals[result.reason],
        code === "VALIDATION_FAILED" ? { fieldErrors: { code: [refusals[result.reason]] } } : {},
      );
    }
    return { data: { method: result.method }, message: "Confirmed. Carrying on with what you were doing." };
  },
});
