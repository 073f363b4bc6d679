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

/** The second factors a step-up can ask this user for. */
export interface StepUpFactors {
  totp: boolean;
  passkey: boolean;
}

export const stepUpMessages = {
  /** An authenticator app only: the dialog asks for its code (or a recovery code). */
  confirm: "Confirm it is you: enter the code from your authenticator app to continue.",
  /** Passkeys only: the dialog offers the passkey prompt. */
  passkey: "Confirm it is you: use your passkey to continue.",
  /** Both: the dialog offers either. */
  passkeyOrCode: "Confirm it is you: use your passkey or enter the code from your authenticator app to continue.",
  /** No factor to step up with: the user must enrol one first. */
  notEnrolled:
    "This needs a second factor, and you have none yet: set up an authenticator app on the Account page first.",
} as const;

const messageFor = ({ totp, passkey }: StepUpFactors): string =>
  totp && passkey
    ? stepUpMessages.passkeyOrCode
    : totp
      ? stepUpMessages.confirm
      : passkey
        ? stepUpMessages.passkey
        : stepUpMessages.notEnrolled;

/**
 * What the dialog offers for a STEP_UP_REQUIRED answer. The refusal travels as one sentence (an
 * action's result, or an export route's JSON), and each sentence names exactly one set of
 * factors, so the dialog reads them back from it; an unknown sentence offers the code.
 */
export function stepUpFactorsOf(message: string): StepUpFactors {
  for (const factors of [
    { totp: true, passkey: false },
    { totp: false, passkey: true },
    { totp: true, passkey: true },
    { totp: false, passkey: false },
  ]) {
    if (messageFor(factors) === message) return factors;
  }
  return { totp: true, passkey: false };
}

export interface StepUpRefusal {
  ok: false;
  code: typeof STEP_UP_REQUIRED;
  message: string;
}

export function stepUpRefusal(factors: StepUpFactors): StepUpRefusal {
  return { ok: false, code: STEP_UP_REQUIRED, message: messageFor(factors) };
}

/**
 * The gate every guarded action and route runs after parsing, before any change: null to go on,
 * or the refusal. `required` is only evaluated (it may read the database) when the session is
 * stale, so fresh sessions pay nothing; `factors` only when a refusal is due.
 */
export async function stepUpGate(options: {
  required: boolean | (() => boolean | Promise<boolean>);
  secondFactorAt: Date | null;
  now: Date;
  maxAgeMs: number;
  factors: () => Promise<StepUpFactors>;
}): Promise<StepUpRefusal | null> {
  if (isSecondFactorFresh(options.secondFactorAt, options.now, options.maxAgeMs)) return null;
  const required = typeof options.required === "function" ? await options.required() : options.required;
  if (!required) return null;
  return stepUpRefusal(await options.factors());
}
