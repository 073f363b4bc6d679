import { z } from "zod";
import { passwordSchema, userIdSchema } from "./users";

/**
 * The change-password form. The new password goes through the same `passwordSchema` as an
 * admin's reset, so every rule added there (length, breached or common passwords) applies here too.
 * The current password is checked as typed: only bounded, never trimmed or otherwise changed.
 */
export const changePasswordInput = z
  .object({
    currentPassword: z
      .string({ error: "is required" })
      .min(1, "is required")
      .max(128, "must be at most 128 characters"),
    newPassword: passwordSchema,
    confirmPassword: z.string({ error: "is required" }).min(1, "is required"),
  })
  .refine((input) => input.newPassword === input.confirmPassword, {
    path: ["confirmPassword"],
    message: "does not match the new password",
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const revokeOwnSessionInput = z.object({ sessionId: z.uuid({ error: "must be a session id" }) });

export const revokeOtherSessionsInput = z.object({});

export const revokeUserSessionsInput = z.object({ userId: userIdSchema });
export type RevokeUserSessionsInput = z.infer<typeof revokeUserSessionsInput>;
