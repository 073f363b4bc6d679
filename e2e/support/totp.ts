import { generate } from "otplib";

const PERIOD_MS = 30_000;

/** The code an authenticator app shows for `secret` at `at` (RFC 6238, 30-second steps, 6 digits). */
export const totpCode = (secret: string, at = Date.now()): Promise<string> =>
  generate({ secret, epoch: Math.floor(at / 1000) });

/** Milliseconds until the next 30-second step begins (plus a little margin for the server's clock). */
export const untilNextStep = (at = Date.now()): number => PERIOD_MS - (at % PERIOD_MS) + 500;

/**
 * Picks the codes to type for a user whose codes other workers spend too. Each 30-second step
 * works once per user (ASVS 6.5.1) and the server takes one step of drift either side, so a
 * refusal as "already used" means another sign-in spent that step: the next try is the step
 * after it, typed as soon as the server takes it. Each refusal counts against the session's five
 * wrong answers, so no step known to be spent is ever typed again.
 */
export class TotpPlanner {
  private step: number | null = null;

  constructor(private readonly secret: string) {}

  /** The code to type now; `wait` is called first when that step is not yet accepted. */
  async next(wait: (ms: number) => Promise<void>): Promise<string> {
    const current = Math.floor(Date.now() / PERIOD_MS);
    this.step = this.step === null ? current : Math.max(this.step + 1, current);
    const acceptedFrom = (this.step - 1) * PERIOD_MS + 500;
    if (Date.now() < acceptedFrom) await wait(acceptedFrom - Date.now());
    return totpCode(this.secret, this.step * PERIOD_MS + 1000);
  }
}

/** Most refusals as used a helper risks on one session (the fifth wrong answer ends it). */
export const MAX_TOTP_TRIES = 4;
