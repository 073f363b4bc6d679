import { z } from "zod";
import { typedText } from "./text";
import { roles } from "@/drizzle/schema/auth";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

export const emailSchema = z
  .string({ error: "is required" })
  .trim()
  .min(1, "is required")
  .max(254, "must be at most 254 characters")
  .pipe(z.email({ error: "must be a valid email address" }))
  .transform(normalizeEmail);

export const passwordSchema = z
  .string({ error: "is required" })
  .min(12, "must be at least 12 characters")
  .max(128, "must be at most 128 characters");

export const roleSchema = z.enum(roles, { error: `must be one of ${roles.join(", ")}` });

export const userIdSchema = z.uuid({ error: "must be a user id" });

export const createUserInput = z.object({
  email: emailSchema,
  name: typedText({ max: 120 }).min(1, "is required"),
  role: roleSchema,
  password: passwordSchema,
});
export type CreateUserInput = z.infer<typeof createUserInput>;

export const changeRoleInput = z.object({ userId: userIdSchema, role: roleSchema });
export type ChangeRoleInput = z.infer<typeof changeRoleInput>;

export const setUserDisabledInput = z.object({
  userId: userIdSchema,
  disabled: z.enum(["true", "false"], { error: "must be true or false" }).transform((v) => v === "true"),
});
export type SetUserDisabledInput = z.infer<typeof setUserDisabledInput>;

export const resetPasswordInput = z.object({ userId: userIdSchema, password: passwordSchema });
export type ResetPasswordInput = z.infer<typeof resetPasswordInput>;
