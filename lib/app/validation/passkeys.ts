import { z } from "zod";
import { controlCharacterRule, isTypedText } from "./text";

/**
 * What @simplewebauthn/browser hands back after a ceremony, checked field by field before the
 * server verifies it. Only tampered or broken requests fail here, never a user's typing.
 */
const base64url = (maxLength: number) =>
  z
    .string({ error: "must be base64url text" })
    .max(maxLength, `must be at most ${maxLength} characters`)
    .regex(/^[A-Za-z0-9_-]*$/, "must be base64url text");

const transports = ["ble", "cable", "hybrid", "internal", "nfc", "smart-card", "usb"] as const;
type Transport = (typeof transports)[number];
const isKnownTransport = (value: string): value is Transport => (transports as readonly string[]).includes(value);

const credentialFields = {
  id: base64url(1366).min(1, "must not be empty"),
  rawId: base64url(1366).min(1, "must not be empty"),
  type: z.literal("public-key", { error: "must be public-key" }),
  authenticatorAttachment: z
    .enum(["platform", "cross-platform"], { error: "must be platform or cross-platform" })
    .optional(),
  clientExtensionResults: z
    .object({
      appid: z.boolean().optional(),
      credProps: z.object({ rk: z.boolean().optional() }).optional(),
      hmacCreateSecret: z.boolean().optional(),
    })
    .catch({}),
};

export const registrationResponseSchema = z.object(
  {
    ...credentialFields,
    response: z.object(
      {
        clientDataJSON: base64url(4096),
        attestationObject: base64url(16384),
        authenticatorData: base64url(16384).optional(),
        // A newer browser may name a transport we do not know yet; drop it rather than refuse.
        transports: z
          .array(z.string().max(32))
          .max(10)
          .optional()
          .transform((list) => list?.filter(isKnownTransport)),
        publicKeyAlgorithm: z.number().int().optional(),
        publicKey: base64url(4096).optional(),
      },
      { error: "must be a passkey registration" },
    ),
  },
  { error: "must be a passkey registration" },
);

export const authenticationResponseSchema = z.object(
  {
    ...credentialFields,
    response: z.object(
      {
        clientDataJSON: base64url(4096),
        authenticatorData: base64url(4096),
        signature: base64url(1024),
        userHandle: base64url(256).optional(),
      },
      { error: "must be a passkey answer" },
    ),
  },
  { error: "must be a passkey answer" },
);

export const passkeyNameMaxLength = 60;

/** The label the user gives a passkey; empty means "Passkey". */
export const passkeyName = z
  .string({ error: "must be text" })
  .trim()
  .max(passkeyNameMaxLength, `must be at most ${passkeyNameMaxLength} characters`)
  .regex(/^[^\p{Cc}\p{Cf}]*$/u, controlCharacterRule)
  .refine((name) => isTypedText(name), controlCharacterRule)
  .transform((name) => name || "Passkey");

export const passkeyPurpose = z.enum(["sign-in", "step-up"], { error: "must be sign-in or step-up" });
export type PasskeyPurpose = z.output<typeof passkeyPurpose>;

export const startPasskeyRegistrationInput = z.object({ name: passkeyName.optional().default("Passkey") });
export const finishPasskeyRegistrationInput = z.object({
  name: passkeyName.optional().default("Passkey"),
  response: registrationResponseSchema,
});
export const removePasskeyInput = z.object({ credentialId: base64url(1366).min(1, "must name a passkey") });
export const startPasskeyVerificationInput = z.object({ purpose: passkeyPurpose });
export const finishPasskeyVerificationInput = z.object({
  purpose: passkeyPurpose,
  response: authenticationResponseSchema,
  /** Sign-in only: where to go once verified (checked by safeRedirectPath, never followed as given). */
  callbackUrl: z
    .string()
    .max(2048, "must be at most 2048 characters")
    .refine((value) => isTypedText(value), controlCharacterRule)
    .optional(),
});
