/**
 * Step-up (ASVS 5.0 V7.5.3 / V6.3): money and power actions need a second factor verified in
 * this session within the last few minutes, whatever happened at sign-in. Pure rules only; the
 * gate that reads the database is step-up-gate.ts, the action option is defineAction's `stepUp`.
 */

export const STEP_UP_REQUIRED = "STEP_UP_REQUIRED" as const;

/** Fresh: verified at most maxAgeMs ago (and not in the future, which a skewed clock could claim). */
export function isSecondFactorFresh(secondFactorAt: Date | null, now: Date, maxAgeMs: number): boolean {
  if (!secondFactorAt) return false;
  const age = now.getTime() - secondFactorAt.getTime();
  return age >= 0 && age <= maxAgeMs;
}

export const stepUpMessages = {
  /** The user has an authenticator (or passkey): the dialog asks for it. */
  confirm: "Confirm it is you: enter the code from your authenticator app to continue.",
  /** No factor to step up with: the user must enrol one first. */
  notEnrolled: "This needs a second factor, and you have none yet: set up an authenticator app on the Account page first.",
} as const;

export interface StepUpRefusal {
  ok: false;
  code: typeof STEP_UP_REQUIRED;
  message: string;
}

export function stepUpRefusal(enrolled: boolean): StepUpRefusal {
  return { ok: false, code: STEP_UP_REQUIRED, message: enrolled ? stepUpMessages.confirm : stepUpMessages.notEnrolled };
}

/**
 * The gate every guarded action and route runs after parsing, before any change: null to go on,
 * or the refusal. `required` is only evaluated (it may read the database) when the session is
 * stale, so fresh sessions pay nothing; `enrolled` only when a refusal is due.
 */
export async function stepUpGate(options: {
  required: boolean | (() => boolean | Promise<boolean>);
  secondFactorAt: Date | null;
  now: Date;
  maxAgeMs: number;
  enrolled: () => Promise<boolean>;
}): Promise<StepUpRefusal | null> {
  if (isSecondFactorFresh(options.secondFactorAt, options.now, options.maxAgeMs)) return null;
  const required = typeof options.required === "function" ? await options.required() : options.required;
  if (!required) return null;
  return stepUpRefusal(await options.enrolled());
}
