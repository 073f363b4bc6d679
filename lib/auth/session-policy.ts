import { env } from "@/lib/env";

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
  /** lastSeenAt is written at most this often, to keep reads cheap. */
  touchEveryMs: number;
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
});

export const throttlePolicy = (): ThrottlePolicy => ({
  maxFailuresPerAccount: env.SIGNIN_MAX_FAILURES,
  maxFailuresPerIp: env.SIGNIN_IP_MAX_FAILURES,
  lockMs: env.SIGNIN_LOCK_MINUTES * 60_000,
});
