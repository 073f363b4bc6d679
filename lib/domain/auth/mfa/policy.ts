import { env } from "@/lib/platform/env";
import type { Role } from "../permissions";

/** Roles that must verify a second factor at every sign-in and enrol one first (MFA_REQUIRED_ROLES). */
export const roleRequiresMfa = (role: Role, required: readonly Role[] = env.MFA_REQUIRED_ROLES): boolean =>
  required.includes(role);
