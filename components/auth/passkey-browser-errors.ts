import { WebAuthnError } from "@simplewebauthn/browser";

export const noWebAuthnMessage = "This browser cannot use passkeys, so nothing was changed.";

/** What went wrong in the browser's passkey prompt, in one sentence (nothing reached the server). */
export function passkeyPromptFailure(error: unknown): string {
  if (error instanceof WebAuthnError && error.code === "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED") {
    return "That passkey is already registered to your account.";
  }
  const name = error instanceof Error ? error.name : "";
  if (name === "NotAllowedError" || name === "AbortError")
    return "The passkey prompt was cancelled or timed out, so nothing was changed.";
  return "Your browser could not use a passkey here, so nothing was changed.";
}
