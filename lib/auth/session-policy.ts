import { env } from "@/lib/env";
import type { Role } from "./permissions";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  touchEveryMs: number;
  /** Roles whose sessions stay pending until a second factor is verified (default: MFA_REQUIRED_ROLES). */
  mfaRequiredRoles?: readonly Role[];
}

export interface ThrottlePolicy {
  maxFailuresPerAccount: number;
  maxFailuresPerIp: number;
  lockMs: number;
}

export const sessionPolicy = (): SessionPolicy => ({
  idleMs: env.SESSION_IDLE_MINUTES * 60_000,
  absoluteMs: env.SESSION_ABSOLUTE_HOURS * 3_600_000,
  touchEveryMs: 60_000,
  mfaRequiredRoles: env.MFA_REQUIRED_ROLES,
});

export const throttlePolicy = (): ThrottlePolicy => ({
  maxFailuresPerAccount: env.SIGNIN_MAX_FAILURES,
  maxFailuresPerIp: env.SIGNIN_IP_MAX_FAILURES,
  lockMs: env.SIGNIN_LOCK_MINUTES * 60_000,
});
