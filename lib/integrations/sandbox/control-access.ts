import { createHash, timingSafeEqual } from "node:crypto";

/**
 * What the Authorization header of a sandbox-control request says:
 *   "token"   it carries `Bearer <SANDBOX_CONTROL_TOKEN>` (and a token is configured);
 *   "refused" it carries some other bearer/credential, or a token when none is configured;
 *   "absent"  no Authorization header: the caller must have an admin session instead.
 */
export type ControlTokenAccess = "token" | "refused" | "absent";

const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();

/** Compares in constant time: both sides are hashed first, so neither length nor prefix leaks. */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

export function controlTokenAccess(request: Request, configuredToken: string | null | undefined): ControlTokenAccess {
  const header = request.headers.get("authorization");
  if (header === null) return "absent";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1] || !configuredToken) return "refused";
  return sameSecret(match[1], configuredToken) ? "token" : "refused";
}

export const controlTokenRefusedBody = {
  error:
    "The sandbox control token is missing or wrong. Send Authorization: Bearer <SANDBOX_CONTROL_TOKEN>, or sign in as an admin.",
};
