"use server";

import { redirect } from "next/navigation";
import { recordAudit } from "@/lib/domain/audit/record-audit";
import { safeRedirectPath } from "@/lib/domain/auth/safe-redirect";
import { sessionPolicy, throttlePolicy } from "@/lib/domain/auth/session-policy";
import { checkSession, revokeSession } from "@/lib/domain/auth/sessions";
import { nextPathFor } from "@/lib/domain/auth/sign-in-route";
import { signIn, signInErrorMessage } from "@/lib/domain/auth/sign-in";
import { appUrl } from "@/lib/platform/env";
import { AppError } from "@/lib/platform/errors";
import { signInFormInput } from "@/lib/app/validation/second-factor";
import { defineSignInStepAction } from "./define-sign-in-step";
import { currentSessionId, issueSessionCookie } from "./session-cookie";

/**
 * The one way to sign in: a POST (a server action, so it works before hydration and without
 * JavaScript) that checks the password through signIn's throttling, ends the session this
 * browser had, and issues the session cookie. The session is "pending" until the second factor
 * is verified, so the browser is sent to that step first.
 */
export const signInAction = defineSignInStepAction({
  name: "signIn",
  session: "anyone",
  input: signInFormInput,
  echo: ["email"],
  async run(input, { db, meta }) {
    const now = new Date();
    const result = await signIn(
      db,
      { email: input.email, password: input.password, ip: meta.ip, userAgent: meta.userAgent },
      throttlePolicy(),
      now,
    );
    if (!result.ok) throw new AppError("UNAUTHENTICATED", signInErrorMessage(result, now));

    const previous = await currentSessionId();
    if (previous && previous !== result.user.sessionId && (await revokeSession(db, previous, "signed_in_again", now))) {
      await recordAudit(
        db,
        { userId: result.user.id, email: result.user.email, role: result.user.role, ...meta },
        {
          action: "auth.sign_out",
          targetType: "session",
          targetId: previous,
          after: { reason: "signed_in_again" },
        },
      );
    }
    await issueSessionCookie(result.user);
    const check = await checkSession(db, result.user.sessionId, sessionPolicy(), now);
    if (!check.ok) throw new AppError("UNAUTHENTICATED", "This sign-in has ended. Sign in again.");
    redirect(nextPathFor(check, check.user.role, safeRedirectPath(input.callbackUrl, appUrl, "")));
  },
});
