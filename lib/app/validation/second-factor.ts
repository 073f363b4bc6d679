import { z } from "zod";
import { controlCharacterRule, isTypedText } from "./text";
import { emailSchema } from "./users";

/** Where to go after sign-in, as typed into a URL by anyone: checked by safeRedirectPath before use. */
const callbackUrl = z
  .string({ error: "must be text" })
  .max(2000, "must be at most 2000 characters")
  .refine((value) => isTypedText(value), controlCharacterRule)
  .optional()
  .default("");

/** An authenticator or recovery code as typed (spaces and dashes allowed; checked by the factor itself). */
const typedCode = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(32, "must be at most 32 characters")
  .refine((value) => isTypedText(value), controlCharacterRule);

export const signInFormInput = z.object({
  email: emailSchema,
  password: z.string({ error: "is required" }).min(1, "is required").max(128, "must be at most 128 characters"),
  callbackUrl,
});

export const verifySecondFactorInput = z.object({
  method: z.enum(["totp", "recovery_code"], { error: "must be totp or recovery_code" }),
  code: typedCode,
  callbackUrl,
});

export const confirmTotpInput = z.object({
  code: typedCode,
  callbackUrl,
});

export const regenerateRecoveryCodesInput = z.object({});

export const resetUserFactorsInput = z.object({ userId: z.uuid({ error: "must be a user id" }) });
