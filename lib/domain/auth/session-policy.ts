import { env } from "@/lib/platform/env";
import type { Role } from "./permissions";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  touchEveryMs: number;
  /** Roles whose sessions stay pending until a second factor is verified (default: MFA_REQUIRED_ROLES). */
  mfaRequiredRoles?: readonly Role[];
}

/** See "Sessions and sign-in" in the README and lib/domain/auth/throttle/claim-attempt.ts. */
export interface ThrottlePolicy {
  /** Failures (and unsettled claims) of one account from one address before that pair is locked. */
  maxFailuresPerAccount: number;
  /** Failures (and unsettled claims) from one address, over all accounts, before the address is locked. */
  maxFailuresPerIp: number;
  /** The counting window, and how long a lock lasts after the oldest counted failure. */
  lockMs: number;
  /** Account-wide failures in the window after which suspect addresses are slowed down (default 5). */
  slowDownAfter?: number;
  /** The first slow-down delay; it doubles with every further failure (default 1 s). */
  slowDownBaseMs?: number;
  /** The longest slow-down delay (default 60 s). */
  slowDownMaxMs?: number;
  /** A successful sign-in from an address exempts it from the account slow-down this long (default 90 days). */
  trustedAddressMs?: number;
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
