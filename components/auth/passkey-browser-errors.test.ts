import { WebAuthnError } from "@simplewebauthn/browser";
import { describe, expect, it } from "vitest";
import { passkeyPromptFailure } from "./passkey-browser-errors";

const domError = (name: string) => Object.assign(new Error("from the browser"), { name });

describe("passkeyPromptFailure", () => {
  it("tells a cancelled or timed-out prompt apart from a browser failure, one sentence each", () => {
    const cancelled = new WebAuthnError({
      message: "x",
      code: "ERROR_PASSTHROUGH_SEE_CAUSE_PROPERTY",
      cause: domError("NotAllowedError"),
    });
    expect(passkeyPromptFailure(cancelled)).toBe(
      "The passkey prompt was cancelled or timed out, so nothing was changed.",
    );
    expect(passkeyPromptFailure(domError("AbortError"))).toBe(
      "The passkey prompt was cancelled or timed out, so nothing was changed.",
    );
    const registered = new WebAuthnError({
      message: "x",
      code: "ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED",
      cause: domError("InvalidStateError"),
    });
    expect(passkeyPromptFailure(registered)).toBe("That passkey is already registered to your account.");
    expect(passkeyPromptFailure(domError("SecurityError"))).toBe(
      "Your browser could not use a passkey here, so nothing was changed.",
    );
    expect(passkeyPromptFailure("nonsense")).toBe("Your browser could not use a passkey here, so nothing was changed.");
  });
});
