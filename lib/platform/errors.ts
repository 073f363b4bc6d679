/**
 * One error type for everything the app refuses on purpose. `userMessage` is safe to show;
 * `cause` (database or provider internals) is logged, never returned to the browser.
 */
export const appErrorCodes = {
  /** No valid session: signed out, expired, revoked or disabled. */
  UNAUTHENTICATED: 401,
  /** Signed in, but the role lacks the permission. */
  FORBIDDEN: 403,
  /** The target does not exist (or is not visible to this user). */
  NOT_FOUND: 404,
  /** Input failed validation; fieldErrors names each field and rule. */
  VALIDATION_FAILED: 422,
  /** The request conflicts with current state (e.g. duplicate email, last admin). */
  CONFLICT: 409,
  /** A provider refused a request to move money (a definite answer: nothing happened there). */
  PROVIDER_REFUSED: 502,
  /** A money or power action needs a second factor verified in the last few minutes (lib/domain/auth/step-up.ts). */
  STEP_UP_REQUIRED: 403,
  /** Too many attempts; try again later. */
  RATE_LIMITED: 429,
  /** Reading from a payment provider failed (no answer, or an error answer); nothing was changed. */
  PROVIDER_ERROR: 502,
  /** Anything unexpected. Details are in the server log only. */
  INTERNAL: 500,
} as const;

export type AppErrorCode = keyof typeof appErrorCodes;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  override name = "AppError";
  constructor(
    readonly code: AppErrorCode,
    readonly userMessage: string,
    readonly options: { fieldErrors?: FieldErrors; cause?: unknown } = {},
  ) {
    super(userMessage, { cause: options.cause });
  }

  get httpStatus(): number {
    return appErrorCodes[this.code];
  }
}
