import type { SecondFactorResult } from "./second-factor";

/** One true sentence per refusal of a typed code, in the user's words. */
export function secondFactorErrorMessage(
  method: "totp" | "recovery_code",
  result: Exclude<SecondFactorResult, { ok: true }>,
): string {
  switch (result.reason) {
    case "invalid":
      return method === "totp"
        ? "That authenticator code is not right. Type the six digits your app shows now."
        : "That recovery code is not right, or it was already used.";
    case "reused":
      return "That code was already used. Wait for the next code in your authenticator app.";
    case "not_enrolled":
      return "You have no authenticator app set up. Use a recovery code instead.";
    case "locked":
      return "Too many wrong codes, so this sign-in has ended. Sign in again.";
  }
}
