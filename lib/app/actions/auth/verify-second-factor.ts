"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { secondFactorErrorMessage } from "@/lib/domain/auth/mfa/second-factor-messages";
import { verifyTypedSecondFactor } from "@/lib/domain/auth/mfa/second-factor";
import { safeRedirectPath } from "@/lib/domain/auth/safe-redirect";
import { nextPathFor } from "@/lib/domain/auth/sign-in-route";
import { appUrl } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { verifySecondFactorInput } from "@/lib/app/validation/second-factor";
import { defineSignInStepAction } from "./define-sign-in-step";
import { continueInNewSession } from "./session-cookie";

/**
 * The second sign-in step: an authenticator code or a recovery code for this browser's pending
 * session. Each answer and its audit row commit together; the fifth wrong one revokes the session.
 */
export const verifySecondFactorAction = defineSignInStepAction({
  name: "verifySecondFactor",
  session: "pending",
  input: verifySecondFactorInput,
  async run(input, { db, meta, pending }) {
    const { user } = pending;
    if (pending.needs !== "verify") throw new AppError("CONFLICT", "Set up your authenticator app first.");
    const now = new Date();
    const actor = { userId: user.id, email: user.email, role: user.role, ...meta };
    const result = await db.transaction(async (tx) => {
      const outcome = await verifyTypedSecondFactor(
        tx,
        { sessionId: user.sessionId, userId: user.id },
        { kind: input.method, code: input.code },
        now,
      );
      await recordAudit(tx, actor, {
        action: outcome.ok ? "auth.second_factor_verified" : "auth.second_factor_failed",
        targetType: "session",
        targetId: user.sessionId,
        after: outcome.ok ? { method: outcome.method } : { method: input.method, reason: outcome.reason },
      });
      return outcome;
    });
    if (!result.ok)
      throw new AppError(
        result.reason === "locked" ? "UNAUTHENTICATED" : "VALIDATION_FAILED",
        secondFactorErrorMessage(input.method, result),
      );
    await continueInNewSession(db, user, now);
    redirect(nextPathFor({ stage: "full" }, user.role, safeRedirectPath(input.callbackUrl, appUrl, "")));
  },
});
